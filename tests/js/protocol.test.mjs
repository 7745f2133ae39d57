// Every feed item type the server sends (FeedItemTypes in protocol.js, generated from the C# and checked by
// BrowserProtocolTests) has a reducer and a renderer entry in the browser, and nothing the server cannot send.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeedItemTypes } from '../../src/VakkanjersLive.Web/wwwroot/js/live/protocol.js';
import { itemReducers } from '../../src/VakkanjersLive.Web/wwwroot/js/live/reducer.js';
import { itemPanels } from '../../src/VakkanjersLive.Web/wwwroot/js/live/render.js';

const types = Object.values(FeedItemTypes).sort();

test('protocol.js exports the feed item types', () => {
  assert.ok(types.length >= 20, `only ${types.length} feed item types`);
  assert.ok(Object.isFrozen(FeedItemTypes));
});

test('every feed item type has a reducer, and every reducer a feed item type', () => {
  assert.deepEqual(Object.keys(itemReducers).sort(), types);
  for (const type of types) {
    assert.equal(typeof itemReducers[type], 'function', type);
  }
});

test('every feed item type re-renders at least one panel, and every entry is a feed item type', () => {
  assert.deepEqual(Object.keys(itemPanels).sort(), types);
  for (const type of types) {
    assert.ok(itemPanels[type].length > 0, type);
  }
});
