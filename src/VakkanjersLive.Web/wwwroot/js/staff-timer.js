// The pitch timer on staff pages (judge's tablet, judging console): Blazor renders an empty element with the timer's
// start and lengths and the server's clock at render time (data-pitch-timer, data-started-at, data-presentation,
// data-questions, data-server-now, data-text-pitch-*); this fills it four times a second. Blazor never renders the
// element's children, so a re-render does not fight the script.
import { pitchReading, showReading } from './live/timer.js';

const offsets = new WeakMap();

const tick = () => {
  for (const node of document.querySelectorAll('[data-pitch-timer]')) {
    const { startedAt, presentation, questions, serverNow } = node.dataset;
    if (!startedAt) {
      node.replaceChildren();
      continue;
    }
    // A new render carries a new server time: the offset is taken again from it.
    const seen = offsets.get(node);
    if (!seen || seen.serverNow !== serverNow) {
      offsets.set(node, { serverNow, offset: Number(serverNow) - Date.now() });
    }
    const reading = pitchReading({ startedAt, presentationSeconds: Number(presentation), questionSeconds: Number(questions) }, Date.now() + offsets.get(node).offset);
    showReading(node, reading, (key) => node.dataset[key] ?? key);
  }
};

setInterval(tick, 250);
// A render that brings a new server time is read at once, so the offset is not off by up to a tick.
new MutationObserver(tick).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-server-now', 'data-started-at'] });
tick();
