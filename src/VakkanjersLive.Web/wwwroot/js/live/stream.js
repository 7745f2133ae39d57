// The stream: an embedded YouTube or Vimeo player, a plain video, or "off air".
import { el } from './dom.js';

/** The privacy-friendly embed address for a YouTube or Vimeo link; null for anything else. */
export const embedUrl = (url) => {
  if (!url) {
    return null;
  }
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  let id = null;
  if (host === 'youtu.be') {
    id = u.pathname.slice(1);
  } else if (host.endsWith('youtube.com')) {
    id = u.searchParams.get('v') ?? u.pathname.split('/').filter(Boolean).pop();
  }
  if (id) {
    return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`;
  }
  if (host.endsWith('vimeo.com')) {
    return `https://player.vimeo.com/video/${encodeURIComponent(u.pathname.split('/').filter(Boolean).pop())}`;
  }
  return null;
};

export const renderStream = (state, ctx) => {
  const box = document.getElementById('stream');
  if (!box) {
    return;
  }
  const url = state.streamUrl;
  box.replaceChildren();
  const embed = embedUrl(url);
  if (!url) {
    box.append(el('p', 'off-air', ctx.text('textOffAir')));
  } else if (embed) {
    const frame = document.createElement('iframe');
    frame.src = embed;
    frame.title = ctx.text('textStreamTitle');
    frame.allow = 'autoplay; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    box.append(frame);
  } else {
    const video = document.createElement('video');
    video.src = url;
    video.controls = true;
    video.playsInline = true;
    video.title = ctx.text('textStreamTitle');
    box.append(video);
  }
};
