// The waiting room's countdown (src/VakkanjersLive.Web/wwwroot/js/live/waiting.js): on the server's clock, no drift.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockOffset, formatLeft, secondsUntil } from '../../src/VakkanjersLive.Web/wwwroot/js/live/waiting.js';

const texts = { day: 'dag', days: 'dagen' };

test('a phone whose clock runs ten minutes fast still counts down to the server\'s start', () => {
  const serverNow = Date.parse('2026-10-27T14:00:00Z');
  const startsAt = Date.parse('2026-10-27T14:30:00Z');
  const phoneNow = serverNow + 10 * 60 * 1000;
  const offset = clockOffset(serverNow, phoneNow);

  assert.equal(secondsUntil(startsAt, phoneNow, offset), 30 * 60);
  assert.equal(secondsUntil(startsAt, phoneNow + 29 * 60 * 1000, offset), 60);
});

test('the countdown reads the clock on every tick, so late ticks do not add up to drift', () => {
  const offset = 0;
  const startsAt = 100_000;

  // Ticks that came 300 ms late each time: the remaining time follows the clock, not the number of ticks.
  assert.equal(secondsUntil(startsAt, 10_300, offset), 90);
  assert.equal(secondsUntil(startsAt, 50_900, offset), 50);
  assert.equal(secondsUntil(startsAt, 99_999, offset), 1);
  assert.equal(secondsUntil(startsAt, 100_000, offset), 0);
  assert.equal(secondsUntil(startsAt, 200_000, offset), 0);
});

test('the remaining time reads as days and a clock', () => {
  assert.equal(formatLeft(2 * 86400 + 3 * 3600 + 4 * 60 + 5, texts), '2 dagen 03:04:05');
  assert.equal(formatLeft(86400 + 9, texts), '1 dag 00:00:09');
  assert.equal(formatLeft(12 * 3600, texts), '12:00:00');
  assert.equal(formatLeft(245, texts), '04:05');
});
