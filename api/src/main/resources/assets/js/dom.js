// Tiny DOM helpers. Text always goes in through textContent, never as HTML.

/**
 * h('button', {class: 'btn', type: 'button', 'data-testid': 'add-1', onclick: fn}, 'Add', child)
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A visually hidden span, for words a screen reader needs and the eye does not. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden', text });
}

/** Shows a message in an alert region; an empty message hides it. */
export function setError(region, message) {
  region.textContent = message || '';
}

/** Polite announcement through the page's visually hidden #announcer region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** Swaps a broken product image for the neutral placeholder. */
export function withImageFallback(img) {
  img.addEventListener('error', function onError() {
    img.removeEventListener('error', onError);
    img.src = '/images/placeholder.svg';
  });
  return img;
}
