// The waiting room of an episode's join link: a countdown to the start on the server's clock. The page carries the
// start and the server's time when it rendered the page; the offset to this device's clock is taken once, at the
// moment the response arrived, and every tick reads the device clock again, so the countdown neither drifts nor
// follows a phone whose clock is wrong. When it reaches zero the page reloads: the server then renders what is on
// now (or a new countdown if the episode was moved meanwhile).

/** Milliseconds to add to this device's clock to get the server's: `serverNow` (ms) was read when `arrivedAt` (ms, device clock). */
export const clockOffset = (serverNow, arrivedAt) => serverNow - arrivedAt;

/** Whole seconds left until `startsAt` (ms, server clock) at device time `deviceNow`, never below zero. */
export const secondsUntil = (startsAt, deviceNow, offset) => Math.max(0, Math.ceil((startsAt - (deviceNow + offset)) / 1000));

/** "2 dagen 03:04:05", "1 dag 00:00:09", "12:00:00", "04:05". */
export const formatLeft = (seconds, texts) => {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (n) => String(n).padStart(2, '0');
  const clock = hours > 0 || days > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
  return days > 0 ? `${days} ${days === 1 ? texts.day : texts.days} ${clock}` : clock;
};

/** When the page's response arrived, on this device's clock (navigation timing; now as a fallback). */
const responseArrival = (win) => {
  const [navigation] = win.performance?.getEntriesByType?.('navigation') ?? [];
  return navigation && navigation.responseStart > 0 ? win.performance.timeOrigin + navigation.responseStart : Date.now();
};

export const bindWaitingRoom = (win) => {
  const room = win.document.getElementById('waiting-room');
  const display = win.document.getElementById('waiting-countdown');
  if (!room || !display) {
    return;
  }
  const startsAt = Date.parse(room.dataset.startsAt);
  const offset = clockOffset(Date.parse(room.dataset.serverNow), responseArrival(win));
  const texts = { day: room.dataset.textDay, days: room.dataset.textDays };
  const tick = () => {
    const left = secondsUntil(startsAt, Date.now(), offset);
    display.textContent = formatLeft(left, texts);
    if (left === 0) {
      win.clearInterval(timer);
      win.location.reload();
    }
  };
  const timer = win.setInterval(tick, 1000);
  tick();
};
