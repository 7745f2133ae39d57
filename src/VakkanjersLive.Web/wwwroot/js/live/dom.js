// Small DOM helpers shared by the renderers. Text from viewers is only ever set with textContent, so no message can
// inject HTML and links are never clickable.

/** An element with an optional class and text content. */
export const el = (tag, className, content) => {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (content !== undefined) {
    node.textContent = content;
  }
  return node;
};

/** The page's localised texts live in data-text-* attributes of #live; `{0}`, `{1}` are filled in. */
export const texts = (root) => (key, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), root.dataset[key] ?? key);

/** A random v4 UUID (crypto.randomUUID needs a secure context; a hall's LAN address over http is not one). */
export const uuid = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** Restarts a CSS animation bound to `className` on `node`. */
export const replay = (node, className) => {
  node.classList.remove(className);
  void node.offsetWidth;
  node.classList.add(className);
};
