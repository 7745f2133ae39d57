// The venue screen's countdown (re-rendered every second by the page).
import { secondsLeft } from './reducer.js';

export const renderCountdown = (state) => {
  const node = document.getElementById('countdown');
  if (!node) {
    return;
  }
  const left = secondsLeft(state, Date.now());
  node.hidden = !state.countdown || left <= 0;
  if (!node.hidden) {
    node.textContent = `${state.countdown.label ? state.countdown.label + ' ' : ''}${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  }
};
