// The venue screen's countdown (re-rendered every second by the page): its label and the time, each in its own span
// so the countdown scene can size them apart (the text reads "label m:ss").
import { el } from './dom.js';
import { secondsLeft } from './reducer.js';

export const renderCountdown = (state) => {
  const node = document.getElementById('countdown');
  if (!node) {
    return;
  }
  const left = secondsLeft(state, Date.now());
  node.hidden = !state.countdown || left <= 0;
  if (!node.hidden) {
    const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    const label = state.countdown.label ?? '';
    if (node.dataset.shown !== `${label}|${time}`) {
      node.dataset.shown = `${label}|${time}`;
      node.replaceChildren(...(label ? [el('span', 'countdown-label', label), ' '] : []), el('span', 'countdown-time', time));
    }
  }
};
