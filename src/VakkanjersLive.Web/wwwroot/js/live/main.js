// Audience page, venue screen and stream overlay (no Blazor circuit): the entry module. #live's data attributes say
// which page this is (data-mode) and carry its texts; the SignalR browser client (lib/signalr) is loaded before.
import { bindActions } from './actions.js';
import { createLiveClient } from './connection.js';
import { renderCountdown } from './countdown.js';
import { texts } from './dom.js';
import { eventNicknameKey, initialNickname } from './nickname.js';
import { ViewerKinds } from './protocol.js';
import { renderReactionCounts } from './reactions.js';
import { render } from './render.js';
import { applyScene } from './scene.js';
import { bindCategoryPicker, filterScoreboard, renderPitchTimers, renderStage } from './stage.js';
import { bindWaitingRoom } from './waiting.js';

// An episode's join link before the start: the countdown of the waiting room (no hub needed for it).
bindWaitingRoom(window);

const root = document.getElementById('live');
if (root && window.signalR) {
  const ctx = { root, mode: root.dataset.mode, text: texts(root) };
  const code = root.dataset.eventCode;

  const nicknameKey = eventNicknameKey(code);

  const status = (message) => {
    const node = document.getElementById('live-status');
    if (node && node.textContent !== message) {
      node.textContent = message;
    }
  };

  const client = createLiveClient({
    signalR: window.signalR,
    eventCode: code,
    kind: ctx.mode === 'audience' ? ViewerKinds.Audience : ViewerKinds.Screen,
    screenToken: ctx.mode === 'audience' ? null : root.dataset.screenToken ?? null,
    // Never from the URL: the join page hands it over in sessionStorage (nickname.js).
    nickname: ctx.mode === 'audience' ? initialNickname({ session: sessionStorage, local: localStorage, code }) : null,
    text: ctx.text,
    status,
    onChange: (state, change) => render(state, ctx, change),
    onReactions: renderReactionCounts,
    onNicknameRefused: (message) => {
      // A refused nickname: say why and continue with a generated one.
      const feedback = document.getElementById('chat-feedback');
      if (feedback) {
        feedback.textContent = message;
      }
      localStorage.removeItem(nicknameKey);
    },
    onJoined: (result) => {
      // A screen tells the server again what it shows (a new connection; the page's 1 s tick sends it).
      ctx.reported = null;
      if (ctx.mode === 'audience') {
        localStorage.setItem(nicknameKey, result.nickname);
        const shown = document.getElementById('nickname');
        if (shown) {
          shown.textContent = result.nickname;
        }
      }
    },
  });

  setInterval(() => {
    renderCountdown(client.state);
    applyScene(client.state, ctx); // a countdown that ends hands the screen to the next scene
  }, 1000);
  setInterval(() => renderPitchTimers(client.state, ctx), 250);
  if (ctx.mode !== 'audience') {
    ctx.report = (scene, categoryId) => {
      const retry = () => {
        ctx.reported = null;
      };
      client.connection
        .invoke('ShowingScene', { display: ctx.mode, scene, categoryId })
        .then((result) => (result?.ok ? null : retry()), retry);
    };
  }
  bindActions(client, ctx);
  bindCategoryPicker(ctx, () => {
    renderStage(client.state, ctx);
    filterScoreboard(client.state, ctx);
  });
  window.vklLive = client;
  client.start();
}
