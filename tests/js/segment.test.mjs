// An episode's run-of-show on the phone page: the `segment` item and the snapshot's `segment` (reducer.js), and the
// guest line (segment.js). Run with `node --test tests/js/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { applyItem, applySnapshot, initialState, receiveBatch } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { panelsFor } from '../../src/VakkanjersLive.Web/wwwroot/js/live/render.js';
import { guestLine } from '../../src/VakkanjersLive.Web/wwwroot/js/live/segment.js';

const sanne = { id: 'g1', name: 'Sanne de Vries', role: 'docent techniek', organisation: 'Technova College' };
const panel = { id: 's2', name: 'Panel', number: 2, total: 3, guests: [sanne] };

const snapshot = (overrides = {}) => ({
  position: 10, eventName: 'Sterk Techniekonderwijs LIVE', streamUrl: '', reactionsEnabled: true, countdownEndsAt: null,
  countdownLabel: null, stage: [], chat: [], reveals: [], chatMode: 'open', slowModeSeconds: 5, pinnedMessage: '', poll: null,
  questionsEnabled: false, questions: [], highlightedQuestionId: null, ...overrides,
});

test('a segment item replaces the segment on now; without one, none is on', () => {
  let state = applyItem(initialState(), { position: 3, type: T.Segment, segment: panel });
  assert.deepEqual(state.segment, panel);
  state = applyItem(state, { position: 4, type: T.Segment });
  assert.equal(state.segment, null);
});

test('the join snapshot carries the segment on now (absent: none)', () => {
  assert.deepEqual(applySnapshot(initialState(), snapshot({ segment: panel })).segment, panel);
  assert.equal(applySnapshot(initialState(), snapshot()).segment, null);
});

test('a segment change in a batch re-renders the segment panel only', () => {
  const { state, applied } = receiveBatch(applySnapshot(initialState(), snapshot()), { after: 10, upTo: 11, items: [{ position: 11, type: T.Segment, segment: panel }] });
  assert.equal(state.segment.name, 'Panel');
  assert.deepEqual(panelsFor({ applied }), ['segment']);
});

test('a guest reads as name, role (organisation); empty parts are left out', () => {
  assert.equal(guestLine(sanne), 'Sanne de Vries, docent techniek (Technova College)');
  assert.equal(guestLine({ name: 'Ahmed', role: '', organisation: '' }), 'Ahmed');
});
