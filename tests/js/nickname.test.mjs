// The nickname hand-over between the join page and the live page (src/VakkanjersLive.Web/wwwroot/js/live/nickname.js):
// in storage, used once, never in a URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventNicknameKey, initialNickname, JoinNicknameKey, rememberJoinNickname } from '../../src/VakkanjersLive.Web/wwwroot/js/live/nickname.js';

const storage = (entries = {}) => {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
  };
};

test('the join page hands the offered name over, trimmed; a blank one hands nothing over', () => {
  const session = storage();
  rememberJoinNickname(session, '  Slimme Vos 42 ');
  assert.equal(session.getItem(JoinNicknameKey), 'Slimme Vos 42');
  rememberJoinNickname(session, '   ');
  assert.equal(session.getItem(JoinNicknameKey), null);
});

test('the live page takes the handed-over name once, then falls back to the name the hub gave in the event', () => {
  const session = storage({ [JoinNicknameKey]: 'Slimme Vos 42' });
  const local = storage({ [eventNicknameKey('ABC123')]: 'Dappere Uil 17' });

  assert.equal(initialNickname({ session, local, code: 'ABC123' }), 'Slimme Vos 42');
  assert.equal(session.getItem(JoinNicknameKey), null);
  assert.equal(initialNickname({ session, local, code: 'ABC123' }), 'Dappere Uil 17');
  assert.equal(initialNickname({ session, local, code: 'XYZ789' }), null);
});
