// The connection to the public hub: start and reconnect (exponential back-off plus jitter, so thousands of phones do
// not return in the same millisecond), Join after every (re)connect (a rejoin with its last position gets only what it
// missed), and the feed: batches go through the reducer, a gap asks Resync(last). The state lives here; the page
// renders it in onChange.
import { HubErrorCodes, ViewerKinds } from './protocol.js';
import { applyReactionCounts, applySnapshot, initialState, receiveBatch, resynced, startResync, withClockOffset } from './reducer.js';
import { clockOffset } from './timer.js';

/** Every nickname refusal (blocked, invalid, …) starts with this. */
const NicknameCodes = HubErrorCodes.NicknameInvalid.slice(0, HubErrorCodes.NicknameInvalid.lastIndexOf('.') + 1);

/** Join refusals that concern the typed nickname: the page says why and continues with a generated one. */
export const isNicknameRefusal = (code) => Boolean(code?.startsWith(NicknameCodes) || code === HubErrorCodes.ChatLink || code === HubErrorCodes.ChatContactDetails);

/** Milliseconds before reconnect attempt `previousRetryCount` + 1: 0.5 s doubling, at most 30 s, plus up to 1 s. */
export const retryDelay = (previousRetryCount, random = Math.random) => Math.min(30000, 500 * 2 ** previousRetryCount) + random() * 1000;

/**
 * options: `signalR` (the browser client), `eventCode`, `kind` (a ViewerKinds value), `nickname`,
 * `text` (localised texts), and callbacks `status(message)`, `onChange(state, { applied, snapshot })`,
 * `onReactions(message)` (also for the totals in Join's answer), `onNicknameRefused(message)`, `onJoined(result)`.
 * `setTimeout` and `random` can be replaced (tests).
 */
export const createLiveClient = (options) => {
  // No viewer id: the hub takes the viewer from the page's HttpOnly identity cookie, never from the client.
  const { signalR, eventCode, kind, text, status } = options;
  const onChange = options.onChange ?? (() => {});
  const later = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const random = options.random ?? Math.random;
  let nickname = options.nickname ?? null;
  let state = initialState();

  const connection = new signalR.HubConnectionBuilder()
    // WebSockets straight away, without the negotiate round trip: behind a load balancer no stickiness is needed.
    .withUrl('/hubs/live', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount, random) })
    .build();

  const update = (outcome) => {
    state = outcome.state;
    if (outcome.snapshot || outcome.applied.length > 0) {
      onChange(state, { applied: outcome.applied, snapshot: outcome.snapshot ?? false });
    }
  };

  // The answer to Resync, or to a rejoin (a batch since our position, or a snapshot), with the batches that queued.
  const settle = async (result) => {
    const outcome = resynced(state, result ?? {});
    update(outcome);
    if (outcome.retry) {
      // Asked too often: batches keep queueing and the catch-up is tried again in a few seconds.
      later(() => resync(), 5000 + random() * 1000);
    } else if (outcome.resync) {
      await resync();
    }
  };

  const resync = async () => {
    state = startResync(state);
    let result;
    try {
      result = await connection.invoke('Resync', state.last);
    } catch {
      result = {}; // the connection dropped meanwhile; the rejoin after the reconnect resyncs
    }
    await settle(result);
  };

  const receive = async (batch) => {
    if (batch.serverTime) {
      state = withClockOffset(state, clockOffset(batch.serverTime, Date.now()));
    }
    const outcome = receiveBatch(state, batch);
    update(outcome);
    if (outcome.resync) {
      await resync();
    }
  };

  const join = async () => {
    // A venue screen or overlay carries the token its moderator made (the page's address has it). A rejoin says where
    // it was: the answer then carries only what it missed (or a snapshot when the node no longer has that), and
    // batches arriving meanwhile queue until it is applied.
    const request = kind === ViewerKinds.Screen ? { eventCode, nickname, kind, screenToken: options.screenToken ?? null } : { eventCode, nickname, kind };
    const rejoin = state.last >= 0;
    if (rejoin) {
      request.since = state.last;
      state = startResync(state);
    }
    const result = await connection.invoke('Join', request);
    if (result.serverTime) {
      state = withClockOffset(state, clockOffset(result.serverTime, Date.now()), true);
    }
    if (!result.ok) {
      status(result.message);
      if (isNicknameRefusal(result.code)) {
        nickname = null;
        options.onNicknameRefused?.(result.message);
        return join();
      }
      return;
    }
    if (kind === ViewerKinds.Audience) {
      nickname = result.nickname;
    }
    options.onJoined?.(result);
    // Reaction totals so far: a phone that joins late shows them at once, not 0 until the next tap.
    if (result.reactions) {
      state = applyReactionCounts(state, result.reactions);
      options.onReactions?.(result.reactions);
    }
    if (!rejoin) {
      update({ state: applySnapshot(state, result.snapshot), applied: [], snapshot: true });
    } else if (result.batch || result.snapshot) {
      await settle({ ok: true, batch: result.batch, snapshot: result.snapshot });
    } else {
      await resync();
    }
    status(text('textConnected'));
  };

  const start = async () => {
    if (connection.state !== signalR.HubConnectionState.Disconnected) {
      return;
    }
    status(text('textConnecting'));
    try {
      await connection.start();
      await join();
    } catch {
      status(text('textFailed'));
      later(start, 3000 + random() * 3000);
    }
  };

  connection.on('Feed', receive);
  connection.on('Reactions', (message) => {
    state = applyReactionCounts(state, message);
    options.onReactions?.(message);
  });
  connection.onreconnecting(() => status(text('textReconnecting')));
  connection.onreconnected(() => join());
  connection.onclose(() => {
    status(text('textReconnecting'));
    later(start, 2000 + random() * 3000);
  });

  return {
    connection,
    start,
    get state() {
      return state;
    },
  };
};
