// The hub client (src/VakkanjersLive.Web/wwwroot/js/live/connection.js) against a fake SignalR connection: Join, the
// snapshot, gaps that ask Resync(last), the rejoin after a reconnect, a refused nickname.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeedItemTypes as T, ViewerKinds } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { createLiveClient, retryDelay } from '../../src/VakkanjersLive.Web/wwwroot/js/live/connection.js';

const snapshot = (position, chat = []) => ({
  position, streamUrl: '', reactionsEnabled: true, stage: [], chat, reveals: [], chatMode: 'open', slowModeSeconds: 0,
  pinnedMessage: '', poll: null, questionsEnabled: false, questions: [], highlightedQuestionId: null,
});
const chat = (position) => ({ position, type: T.Chat, messageId: `m${position}`, nickname: 'Uil', text: `bericht ${position}` });

/** A fake signalR: `answers[method]` answers invocations (a function of the argument); `calls` records them. */
const fakeSignalR = (answers) => {
  const fake = { calls: [], handlers: {}, options: null };
  const connection = {
    state: 'Disconnected',
    start: async () => {
      connection.state = 'Connected';
    },
    stop: async () => {},
    invoke: async (method, argument) => {
      fake.calls.push([method, argument]);
      return answers[method](argument);
    },
    on: (name, handler) => {
      fake.handlers[name] = handler;
    },
    onreconnecting: (handler) => {
      fake.handlers.reconnecting = handler;
    },
    onreconnected: (handler) => {
      fake.handlers.reconnected = handler;
    },
    onclose: (handler) => {
      fake.handlers.close = handler;
    },
  };
  class HubConnectionBuilder {
    withUrl(url, options) {
      fake.url = url;
      fake.options = options;
      return this;
    }

    withAutomaticReconnect(policy) {
      fake.policy = policy;
      return this;
    }

    build() {
      return connection;
    }
  }
  fake.signalR = { HubConnectionBuilder, HttpTransportType: { WebSockets: 1 }, HubConnectionState: { Disconnected: 'Disconnected' } };
  return fake;
};

const client = (fake, extra = {}) => {
  const changes = [];
  const statuses = [];
  const live = createLiveClient({
    signalR: fake.signalR, eventCode: 'ABC123', kind: ViewerKinds.Audience, nickname: 'Slimme Vos',
    text: (key) => key, status: (message) => statuses.push(message), onChange: (state, change) => changes.push(change),
    setTimeout: () => {}, random: () => 0, ...extra,
  });
  return { live, changes, statuses };
};

test('joins, applies the snapshot, then batches; a gap asks Resync(last) and applies the answer', async () => {
  const fake = fakeSignalR({
    Join: () => ({ ok: true, nickname: 'Slimme Vos', snapshot: snapshot(10, [chat(9)]) }),
    Resync: (position) => ({ ok: true, batch: { after: position, upTo: 14, items: [chat(13), chat(14)] } }),
  });
  const { live, changes, statuses } = client(fake);
  await live.start();
  assert.equal(fake.url, '/hubs/live');
  assert.deepEqual(fake.calls[0], ['Join', { eventCode: 'ABC123', nickname: 'Slimme Vos', kind: 'audience' }]);
  assert.equal(changes[0].snapshot, true);
  assert.deepEqual(statuses, ['textConnecting', 'textConnected']);

  await fake.handlers.Feed({ after: 10, upTo: 11, items: [chat(11)] });
  assert.equal(live.state.last, 11);
  await fake.handlers.Feed({ after: 12, upTo: 13, items: [chat(13)] });
  assert.deepEqual(fake.calls.at(-1), ['Resync', 11]);
  assert.equal(live.state.last, 14);
  assert.deepEqual(live.state.chat.map((c) => c.position), [9, 11, 13, 14]);
});

test('a venue screen joins with the screen token its page carries (issue 11)', async () => {
  const fake = fakeSignalR({ Join: () => ({ ok: true, snapshot: snapshot(3) }) });
  const { live } = client(fake, { kind: ViewerKinds.Screen, nickname: null, screenToken: 'ABCDEFGHJKMNPQRSTUVW' });
  await live.start();
  assert.deepEqual(fake.calls[0], ['Join', { eventCode: 'ABC123', nickname: null, kind: 'screen', screenToken: 'ABCDEFGHJKMNPQRSTUVW' }]);
});

test('the reaction totals in Join\'s answer are counted before the first render, so a late phone shows them', async () => {
  const reactions = { counts: [{ teamId: 't1', kind: 'applause', total: 7, burst: 0 }] };
  const fake = fakeSignalR({ Join: () => ({ ok: true, nickname: 'Slimme Vos', snapshot: snapshot(3), reactions }) });
  const seen = [];
  const countsAtFirstRender = [];
  const { live } = client(fake, {
    onReactions: (message) => seen.push(message),
    onChange: (state) => countsAtFirstRender.push(state.counts.get('t1:applause')),
  });
  await live.start();
  assert.equal(live.state.counts.get('t1:applause'), 7);
  assert.deepEqual(countsAtFirstRender, [7]);
  assert.deepEqual(seen, [reactions]);
});

test('after a reconnect it joins again with its last position and applies only what it missed (issue 16)', async () => {
  let joins = 0;
  const fake = fakeSignalR({
    Join: (request) => (++joins === 1
      ? { ok: true, nickname: 'Vos 1', snapshot: snapshot(10) }
      : { ok: true, nickname: 'Vos 1', snapshot: null, batch: { after: request.since, upTo: 20, items: [chat(20)] } }),
    Resync: () => assert.fail('a lean rejoin needs no Resync'),
  });
  const { live, changes } = client(fake);
  await live.start();
  await fake.handlers.reconnected();
  assert.deepEqual(fake.calls.map((c) => c[0]), ['Join', 'Join']);
  assert.deepEqual(fake.calls[1][1].nickname, 'Vos 1', 'the rejoin keeps the nickname the server gave');
  assert.equal(fake.calls[1][1].since, 10);
  assert.equal(live.state.last, 20);
  assert.equal(changes.at(-1).snapshot, false);
  assert.deepEqual(changes.at(-1).applied.map((i) => i.position), [20]);
});

test('a rejoin the server can no longer serve from its buffer gets a snapshot, which replaces the state', async () => {
  let joins = 0;
  const fake = fakeSignalR({
    Join: () => (++joins === 1 ? { ok: true, nickname: 'Vos', snapshot: snapshot(10) } : { ok: true, nickname: 'Vos', snapshot: snapshot(99, [chat(98)]) }),
    Resync: () => assert.fail('the snapshot is the whole state'),
  });
  const { live, changes } = client(fake);
  await live.start();
  await fake.handlers.reconnected();
  assert.equal(live.state.last, 99);
  assert.equal(changes.at(-1).snapshot, true);
});

test('batches that arrive while the rejoin is answered wait and are applied after it, once', async () => {
  let joins = 0;
  let fake;
  fake = fakeSignalR({
    Join: async (request) => {
      if (++joins === 1) {
        return { ok: true, nickname: 'Vos', snapshot: snapshot(10) };
      }
      // The node sends the next frame before Join's answer reaches the phone.
      await fake.handlers.Feed({ after: 12, upTo: 13, items: [chat(13)] });
      return { ok: true, nickname: 'Vos', batch: { after: request.since, upTo: 12, items: [chat(11), chat(12)] } };
    },
    Resync: () => assert.fail('the queued batch chains on the rejoin\'s batch'),
  });
  const { live } = client(fake);
  await live.start();
  await fake.handlers.reconnected();
  assert.equal(live.state.last, 13);
  assert.deepEqual(live.state.chat.map((m) => m.text), ['bericht 11', 'bericht 12', 'bericht 13']);
});

test('a refused nickname is reported and the join retried without one', async () => {
  const refused = [];
  const fake = fakeSignalR({
    Join: ({ nickname }) => nickname
      ? { ok: false, code: 'chat.nickname.blocked', message: 'Kies een andere naam.' }
      : { ok: true, nickname: 'Slimme Vos 42', snapshot: snapshot(3) },
  });
  const { live } = client(fake, { onNicknameRefused: (message) => refused.push(message) });
  await live.start();
  assert.deepEqual(refused, ['Kies een andere naam.']);
  assert.equal(fake.calls[1][1].nickname, null);
  assert.equal(live.state.last, 3);
});

test('live.too-fast on Resync retries later and keeps queueing', async () => {
  const timers = [];
  let resyncs = 0;
  const fake = fakeSignalR({
    Join: () => ({ ok: true, nickname: 'Vos', snapshot: snapshot(10) }),
    Resync: (position) => (++resyncs === 1 ? { ok: false, code: 'live.too-fast' } : { ok: true, batch: { after: position, upTo: 12, items: [chat(12)] } }),
  });
  const { live } = client(fake, { setTimeout: (fn, ms) => timers.push([fn, ms]) });
  await live.start();
  await fake.handlers.Feed({ after: 11, upTo: 12, items: [chat(12)] });
  assert.equal(timers.length, 1);
  assert.ok(timers[0][1] >= 5000);
  await fake.handlers.Feed({ after: 12, upTo: 13, items: [chat(13)] });
  assert.equal(live.state.pending.length, 1);
  await timers[0][0]();
  assert.equal(live.state.last, 13);
  assert.deepEqual(live.state.chat.map((c) => c.position), [12, 13]);
});

test('reconnect delays: 0.5 s doubling, at most 30 s, plus jitter', () => {
  assert.equal(retryDelay(0, () => 0), 500);
  assert.equal(retryDelay(3, () => 0), 4000);
  assert.equal(retryDelay(12, () => 0), 30000);
  assert.equal(retryDelay(0, () => 0.5), 1000);
});
