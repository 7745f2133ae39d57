// The reveal's blended parts (src/VakkanjersLive.Web/wwwroot/js/live/reveal.js), run with `node --test tests/js/`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedItemTypes as T } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { applyItem, initialState } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { partsText } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reveal.js';

const texts = { textPanelJury: 'jury', textPanelPublic: 'publiek' };
const text = (key) => texts[key] ?? key;

describe('reveal parts', () => {
  test('each panel by its localised name, numbers in the page language', () => {
    assert.equal(partsText([{ panel: 'jury', value: 70 }, { panel: 'public', value: 20.5 }], text, 'nl'), 'jury 70 · publiek 20,5');
  });

  test('an undeclared name shows the panel id; no parts, no text', () => {
    assert.equal(partsText([{ panel: 'experts', value: 8 }], text, 'en'), 'experts 8');
    assert.equal(partsText(undefined, text, 'nl'), '');
    assert.equal(partsText([], text, 'nl'), '');
  });

  test('a reveal step keeps its parts in the state; an old step without parts stays as it was', () => {
    let state = applyItem(initialState(), { position: 1, type: T.RevealStart, categoryId: 'c1', categoryName: 'Junior', total: 2 });
    state = applyItem(state, { position: 2, type: T.RevealStep, categoryId: 'c1', step: 1, total: 2, rank: 2, score: 40, parts: [{ panel: 'jury', value: 70 }] });
    state = applyItem(state, { position: 3, type: T.RevealStep, categoryId: 'c1', step: 2, total: 2, rank: 1, score: 60 });
    const [blended, plain] = state.reveals.get('c1').revealed;
    assert.deepEqual(blended.parts, [{ panel: 'jury', value: 70 }]);
    assert.equal(plain.parts, undefined);
  });
});
