// The pitch timer (src/VakkanjersLive.Web/wwwroot/js/live/timer.js) and its feed items in the reducer, run with
// `node --test tests/js/`. The readings mirror PitchTimer.At in the domain (JudgingTests.RunningOrder.cs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { applyItem, applySnapshot, initialState, withClockOffset } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { clock, clockOffset, pitchReading, warningOf } from '../../src/VakkanjersLive.Web/wwwroot/js/live/timer.js';

const start = Date.parse('2026-06-01T09:00:00Z');
const timer = { startedAt: '2026-06-01T09:00:00+00:00', presentationSeconds: 300, questionSeconds: 180 };
const at = (seconds) => pitchReading(timer, start + seconds * 1000);
const team = (id) => ({ id, name: `Team ${id}`, school: 'School', project: 'Project' });
const timerItem = (position, teamId, extra = {}) => ({
  position, type: T.PitchTimer, categoryId: 'c1', categoryName: 'Junior', team: team(teamId), startedAt: timer.startedAt, presentationSeconds: 30, questionSeconds: 15, ...extra,
});

describe('pitch reading', () => {
  test('counts the presentation down, then the questions, then the time over', () => {
    assert.deepEqual(at(0), { phase: 'presentation', seconds: 300, warning: false });
    assert.deepEqual(at(239.5), { phase: 'presentation', seconds: 61, warning: false });
    assert.deepEqual(at(240), { phase: 'presentation', seconds: 60, warning: true });
    assert.deepEqual(at(300), { phase: 'questions', seconds: 180, warning: false });
    assert.deepEqual(at(420), { phase: 'questions', seconds: 60, warning: true });
    assert.deepEqual(at(480), { phase: 'overtime', seconds: 0, warning: true });
    assert.deepEqual(at(545), { phase: 'overtime', seconds: 65, warning: true });
  });

  test('a device whose clock is behind reads the same time left through the offset', () => {
    const serverNow = start + 20_000;
    const deviceNow = serverNow - 90_000; // the phone's clock is 90 s behind; the answer arrives at once
    const offset = clockOffset(new Date(serverNow).toISOString(), deviceNow);
    assert.deepEqual(pitchReading(timer, deviceNow + offset), at(20));
  });

  test('the offset is the largest sample: a slow answer never skews it, a later batch makes it better', () => {
    // True offset: +90 s. Join's answer took 3 s to arrive (a busy phone), a feed batch 50 ms.
    let state = withClockOffset(initialState(), clockOffset(new Date(start + 90_000).toISOString(), start + 3_000), true);
    assert.equal(state.clockOffset, 87_000);
    state = withClockOffset(state, clockOffset(new Date(start + 100_000).toISOString(), start + 10_050));
    assert.equal(state.clockOffset, 89_950);
    state = withClockOffset(state, clockOffset(new Date(start + 120_000).toISOString(), start + 31_000));
    assert.equal(state.clockOffset, 89_950);
    // A new Join (after a reconnect) starts over: the device's clock may have been set meanwhile.
    assert.equal(withClockOffset(state, 5_000, true).clockOffset, 5_000);
  });

  test('warns in the last minute, or the last third of a short phase; m:ss', () => {
    assert.equal(warningOf(300), 60);
    assert.equal(warningOf(30), 10);
    assert.equal(clock(65), '1:05');
    assert.equal(clock(0), '0:00');
  });
});

describe('pitch-timer items', () => {
  test('start and stop the category timer; a stage item for another team ends it', () => {
    let state = applyItem(initialState(), timerItem(5, 't1'));
    assert.deepEqual(state.timers.get('c1'), { teamId: 't1', startedAt: timer.startedAt, presentationSeconds: 30, questionSeconds: 15 });
    state = applyItem(state, { position: 6, type: T.Stage, categoryId: 'c1', categoryName: 'Junior', team: team('t1') });
    assert.ok(state.timers.has('c1'));
    state = applyItem(state, { position: 7, type: T.Stage, categoryId: 'c1', categoryName: 'Junior', team: team('t2') });
    assert.equal(state.timers.has('c1'), false);
    state = applyItem(applyItem(state, timerItem(8, 't2')), { position: 9, type: T.PitchTimer, categoryId: 'c1', categoryName: 'Junior' });
    assert.equal(state.timers.has('c1'), false);
  });

  test('a late joiner takes the running timers from the snapshot and keeps the clock offset', () => {
    const base = withClockOffset(initialState(), 1234, true);
    const state = applySnapshot(base, {
      position: 10, stage: [], reveals: [], chat: [], questions: [], timers: [timerItem(9, 't1')],
    });
    assert.equal(state.timers.get('c1').teamId, 't1');
    assert.equal(state.clockOffset, 1234);
    assert.equal(applySnapshot(base, { position: 10, stage: [], reveals: [], chat: [], questions: [] }).timers.size, 0);
  });
});
