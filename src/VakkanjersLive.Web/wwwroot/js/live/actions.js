// What a viewer does on a phone: chat, vote, ask and upvote questions, report a message, react. Plain listeners on
// document; every command goes over the hub connection and shows the server's (localised) answer.
import { uuid } from './dom.js';
import { HubErrorCodes } from './protocol.js';
import { renderPoll, voteKey } from './poll.js';
import { renderQuestions, upvoteKey } from './questions.js';

/** `client`: from createLiveClient (its `connection` and current `state`); `ctx`: { root, mode, text }. */
export const bindActions = (client, ctx) => {
  const { text } = ctx;
  const invoke = (method, argument) => client.connection.invoke(method, argument);

  const vote = async (form) => {
    const feedback = document.getElementById('poll-feedback');
    const choice = form.querySelector('input[name="poll-option"]:checked');
    if (!choice) {
      feedback.textContent = text('textPollChoose');
      return;
    }
    const pollId = form.dataset.poll;
    // One command id per poll on this device: a resend after a dropped connection is the same vote.
    const commandKey = `vkl-vote-command:${pollId}`;
    const commandId = localStorage.getItem(commandKey) ?? uuid();
    localStorage.setItem(commandKey, commandId);
    feedback.textContent = text('textSending');
    try {
      const result = await invoke('Vote', { commandId, pollId, optionId: choice.value });
      if (result.ok || result.code === HubErrorCodes.PollAlreadyVoted) {
        localStorage.setItem(voteKey(pollId), result.ok ? choice.value : 'unknown');
        renderPoll(client.state, ctx, { focusStatus: true });
      } else {
        feedback.textContent = result.message ?? '';
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  };

  // One command id per question text: a resend after a dropped connection is the same question, stored once.
  let pendingQuestion = null;
  const ask = async () => {
    const input = document.getElementById('question-text');
    const feedback = document.getElementById('question-feedback');
    // A question is one line: line breaks typed on a phone become spaces (the server refuses control characters).
    const question = input.value.replace(/\s+/g, ' ').trim();
    if (!question) {
      return;
    }
    if (pendingQuestion?.text !== question) {
      pendingQuestion = { text: question, commandId: uuid() };
    }
    feedback.textContent = text('textSending');
    try {
      const result = await invoke('AskQuestion', { commandId: pendingQuestion.commandId, text: question });
      feedback.textContent = result.message ?? '';
      feedback.classList.toggle('is-info', result.ok);
      if (result.ok) {
        input.value = '';
        pendingQuestion = null;
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  };

  const upvote = async (button) => {
    const questionId = button.dataset.upvote;
    const withdraw = button.getAttribute('aria-pressed') === 'true';
    try {
      const result = await invoke('Upvote', { commandId: uuid(), questionId, withdraw });
      const upvoted = result.ok ? !withdraw : result.code === HubErrorCodes.QuestionAlreadyUpvoted ? true : result.code === HubErrorCodes.QuestionNotUpvoted ? false : null;
      if (upvoted === true) {
        localStorage.setItem(upvoteKey(questionId), '1');
      } else if (upvoted === false) {
        localStorage.removeItem(upvoteKey(questionId));
      }
      if (!result.ok && upvoted === null) {
        document.getElementById('question-feedback').textContent = result.message ?? '';
      }
      renderQuestions(client.state, ctx);
    } catch {
      document.getElementById('question-feedback').textContent = text('textFailed');
    }
  };

  const chat = async () => {
    const input = document.getElementById('chat-text');
    const feedback = document.getElementById('chat-feedback');
    const message = input.value.trim();
    if (!message) {
      return;
    }
    feedback.textContent = text('textSending');
    try {
      const result = await invoke('SendChat', { commandId: uuid(), text: message, sentAt: Date.now() });
      feedback.textContent = result.message ?? '';
      feedback.classList.toggle('is-info', result.ok);
      if (result.ok) {
        input.value = '';
      }
    } catch {
      feedback.textContent = text('textFailed');
    }
  };

  const report = async (button) => {
    try {
      const result = await invoke('Report', { messageId: button.dataset.report, reason: null });
      const feedback = document.getElementById('chat-feedback');
      if (feedback) {
        feedback.textContent = result.message ?? '';
      }
      button.disabled = result.ok;
    } catch {
      // The report can be tried again.
    }
  };

  const react = async (button) => {
    try {
      await invoke('React', { teamId: button.dataset.team, kind: button.dataset.reaction });
    } catch {
      // Reactions are best effort.
    }
  };

  document.addEventListener('submit', async (event) => {
    const handler = { 'poll-form': () => vote(event.target), 'question-form': ask, 'chat-form': chat }[event.target.id];
    if (handler) {
      event.preventDefault();
      await handler();
    }
  });

  // Enter sends the question (as in a chat box); Shift+Enter still types a line break.
  document.getElementById('question-text')?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      document.getElementById('question-form').requestSubmit();
    }
  });

  document.addEventListener('click', async (event) => {
    const target = event.target.closest('[data-report]');
    if (target) {
      await report(target);
      return;
    }
    const up = event.target.closest('[data-upvote]');
    if (up) {
      await upvote(up);
      return;
    }
    const button = event.target.closest('[data-reaction]');
    if (button) {
      await react(button);
    }
  });
};
