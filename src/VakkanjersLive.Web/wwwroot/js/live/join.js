// The join page (/live): the form sends only the code; the nickname input has no name, so it never travels in a
// URL. On submit the name goes to sessionStorage, where the live page's main.js takes it.
import { rememberJoinNickname } from './nickname.js';

const input = document.getElementById('join-nickname');
// The class-code form takes the same nickname along (issue 11: pupils joining as their class).
for (const form of [document.getElementById('join-form'), document.getElementById('class-form')]) {
  if (form && input) {
    form.addEventListener('submit', () => {
      try {
        rememberJoinNickname(sessionStorage, input.value);
      } catch {
        // Storage blocked (a strict private mode): the hub generates a name instead.
      }
    });
  }
}
