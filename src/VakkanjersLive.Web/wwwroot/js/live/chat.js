// The chat list, its state line (off, paused, slow mode), the pinned message and the announcement banner.
import { el } from './dom.js';

const line = (item, ctx) => {
  const node = el('li', 'chat-line');
  node.dataset.position = item.position;
  node.dataset.message = item.messageId;
  node.append(el('span', 'chat-nick', item.nickname), el('span', 'chat-text', item.text));
  const report = el('button', 'chat-report', '⚑');
  report.type = 'button';
  report.dataset.report = item.messageId;
  report.setAttribute('aria-label', ctx.text('textReport', item.nickname));
  report.title = ctx.text('textReportShort');
  node.append(report);
  return node;
};

/**
 * Brings #chat-list in line with `state.chat`: lines that left the state are removed, new ones appended (kept lines
 * stay as they are, with their report button). `reset` (a snapshot) rebuilds the list.
 */
export const renderChat = (state, ctx, { reset = false } = {}) => {
  const list = document.getElementById('chat-list');
  if (!list) {
    return;
  }
  if (reset) {
    list.replaceChildren();
  }
  const wanted = new Set(state.chat.map((c) => String(c.position)));
  for (const node of [...list.children]) {
    if (!wanted.has(node.dataset.position)) {
      node.remove();
    }
  }
  const shown = new Set([...list.children].map((node) => node.dataset.position));
  let added = false;
  for (const item of state.chat) {
    if (!shown.has(String(item.position))) {
      list.append(line(item, ctx));
      added = true;
    }
  }
  if (added) {
    list.scrollTop = list.scrollHeight;
  }
};

export const renderChatState = (state, ctx) => {
  const node = document.getElementById('chat-state');
  if (node) {
    const label = state.chatMode === 'off' ? ctx.text('textChatOff')
      : state.chatMode === 'paused' ? ctx.text('textChatPaused')
      : state.slowMode > 0 ? ctx.text('textSlowMode', state.slowMode) : '';
    node.textContent = label;
    node.hidden = !label;
  }
  const input = document.getElementById('chat-text');
  if (input) {
    input.disabled = state.chatMode !== 'open';
  }
  const pinned = document.getElementById('pinned');
  if (pinned) {
    pinned.textContent = state.pinned ?? '';
    pinned.hidden = !state.pinned;
  }
};

export const renderAnnouncement = (state) => {
  const banner = document.getElementById('announcement');
  if (banner && state.announcement !== null) {
    banner.textContent = state.announcement;
    banner.hidden = false;
  }
};
