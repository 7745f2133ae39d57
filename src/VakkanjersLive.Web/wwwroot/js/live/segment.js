// An episode's run-of-show as viewers see it: the phone page's "nu in de uitzending" card (the segment on now and its
// guests) and the overlay's guest lower third (name, role, organisation of each guest on).
import { el } from './dom.js';

/** "Sanne de Vries, docent techniek (Technova College)": the guest line of the schedule and the phone page. */
export const guestLine = (guest) =>
  `${guest.name}${guest.role ? `, ${guest.role}` : ''}${guest.organisation ? ` (${guest.organisation})` : ''}`;

const renderCard = (segment, ctx) => {
  const card = document.getElementById('segment-card');
  if (!card) {
    return;
  }
  card.hidden = !segment;
  const name = document.getElementById('segment-name');
  const place = document.getElementById('segment-place');
  const guests = document.getElementById('segment-guests');
  if (name) {
    name.textContent = segment?.name ?? '';
  }
  if (place) {
    place.textContent = segment ? (card.dataset.textOf ?? '{0}/{1}').replace('{0}', segment.number).replace('{1}', segment.total) : '';
  }
  if (guests) {
    guests.replaceChildren(...(segment?.guests ?? []).map((g) => el('li', 'segment-guest', guestLine(g))));
  }
};

const renderLowerThird = (segment) => {
  const box = document.getElementById('guest-lower-third');
  if (!box) {
    return;
  }
  const list = box.querySelector('ul') ?? box;
  list.replaceChildren(...(segment?.guests ?? []).map((g) => {
    const item = el('li', 'guest-lower-third-item');
    item.append(el('strong', 'guest-name', g.name));
    if (g.role) {
      item.append(el('span', 'guest-role', g.role));
    }
    if (g.organisation) {
      item.append(el('span', 'guest-organisation', g.organisation));
    }
    return item;
  }));
  box.hidden = !segment || segment.guests.length === 0;
};

export const renderSegment = (state, ctx) => {
  renderCard(state.segment, ctx);
  renderLowerThird(state.segment);
};
