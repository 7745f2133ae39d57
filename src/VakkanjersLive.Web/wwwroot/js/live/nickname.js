// Where the audience's nickname is kept between the join page and the live page: in the browser only, never in a
// URL (a URL ends up in the history, in proxy logs and in a screenshot shared with the class). The join page puts
// the name it offered (or the one typed over it) in sessionStorage; the live page takes it once. After a join the
// name the hub gave is remembered per event in localStorage, so a reload keeps it.

/** The sessionStorage key the join page hands the nickname over in. */
export const JoinNicknameKey = 'vkl-join-nickname';

/** The localStorage key of the nickname the hub gave in the event `code`. */
export const eventNicknameKey = (code) => `vkl-nickname:${code}`;

/** The join page: hand `value` over to the live page (nothing when blank). */
export const rememberJoinNickname = (session, value) => {
  const name = (value ?? '').trim();
  if (name) {
    session.setItem(JoinNicknameKey, name);
  } else {
    session.removeItem(JoinNicknameKey);
  }
};

/**
 * The nickname the live page joins with: the one handed over by the join page (taken, so it is used once), else the
 * one the hub gave in this event before, else none (the hub generates one).
 */
export const initialNickname = ({ session, local, code }) => {
  const handedOver = session?.getItem(JoinNicknameKey);
  if (handedOver) {
    session.removeItem(JoinNicknameKey);
    return handedOver;
  }
  return local?.getItem(eventNicknameKey(code)) || null;
};
