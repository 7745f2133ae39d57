// The pitch timer, computed on the server's clock: every screen reads the same start and lengths (a pitch-timer item,
// or data attributes on staff pages) and the offset between its own clock and the server's, so no screen drifts and a
// late joiner sees the time left, not a fresh timer. Mirrors PitchTimer.At in the domain (tests/js/timer.test.mjs).

/** The warning before a phase ends: its last minute, or its last third when it is shorter than three minutes. */
export const warningOf = (phaseSeconds) => Math.min(60, Math.floor(phaseSeconds / 3));

/**
 * The reading at `serverNowMs`: `{ phase: 'presentation' | 'questions' | 'overtime', seconds, warning }`; seconds
 * left are rounded up (0 shows only at the end), seconds over time are rounded down.
 */
export const pitchReading = (timer, serverNowMs) => {
  const elapsed = Math.max(0, (serverNowMs - new Date(timer.startedAt).getTime()) / 1000);
  const p = timer.presentationSeconds;
  const q = timer.questionSeconds;
  if (elapsed < p) {
    const seconds = Math.ceil(p - elapsed);
    return { phase: 'presentation', seconds, warning: seconds <= warningOf(p) };
  }
  if (elapsed < p + q) {
    const seconds = Math.ceil(p + q - elapsed);
    return { phase: 'questions', seconds, warning: seconds <= warningOf(q) };
  }
  return { phase: 'overtime', seconds: Math.floor(elapsed - p - q), warning: true };
};

/** m:ss */
export const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * A sample of the offset (ms) to add to this device's clock to get the server's: the server's time in a message
 * (stamped before it was sent) minus the moment it came in. Never more than the true offset (the message took some
 * time to arrive), so the largest sample is the best estimate: a slow request on the way in (a cold server, a busy
 * phone) does not skew it, and every feed batch can only make it better.
 */
export const clockOffset = (serverTime, receivedMs) => new Date(serverTime).getTime() - receivedMs;

/** Fills a timer element: its phase label, the time and the warning/over-time classes. `text(key)` gives the labels. */
export const showReading = (node, reading, text) => {
  const label = text(reading.phase === 'presentation' ? 'textPitchPresentation' : reading.phase === 'questions' ? 'textPitchQuestions' : 'textPitchOvertime');
  const time = reading.phase === 'overtime' ? `+${clock(reading.seconds)}` : clock(reading.seconds);
  let labelNode = node.querySelector('.pitch-phase');
  let timeNode = node.querySelector('.pitch-time');
  if (!labelNode || !timeNode) {
    labelNode = document.createElement('span');
    labelNode.className = 'pitch-phase';
    timeNode = document.createElement('span');
    timeNode.className = 'pitch-time';
    node.replaceChildren(labelNode, timeNode);
  }
  if (labelNode.textContent !== label) {
    labelNode.textContent = label;
  }
  if (timeNode.textContent !== time) {
    timeNode.textContent = time;
  }
  node.dataset.phase = reading.phase;
  node.classList.toggle('pitch-warning', reading.warning && reading.phase !== 'overtime');
  node.classList.toggle('pitch-overtime', reading.phase === 'overtime');
};
