// The cart lives in localStorage as {"<productId>": quantity}. Every page reads it
// through these helpers so bad or stale data is cleaned up in one place.

export const MAX_QTY = 99;

const CART_KEY = 'orderEngineShop.cart';
const PAID_ORDERS_KEY = 'orderEngineShop.paidOrders';
const CHANGE_EVENT = 'shop:cartchange';

/** localStorage when it works (private modes may refuse it), else an in-memory stand-in. */
const store = (() => {
  try {
    const storage = window.localStorage;
    const probe = '__orderEngineShop__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    const memory = new Map();
    return {
      getItem: (key) => (memory.has(key) ? memory.get(key) : null),
      setItem: (key, value) => memory.set(key, String(value)),
      removeItem: (key) => memory.delete(key),
    };
  }
})();

function readJson(key, fallback) {
  try {
    const text = store.getItem(key);
    return text == null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the page keeps working, the cart just isn't remembered.
  }
}

function clampQuantity(quantity) {
  return Math.min(MAX_QTY, Math.max(0, Math.trunc(quantity)));
}

/** The cart as a Map of product id → quantity (1…99), ordered by product id. */
export function readCart() {
  const raw = readJson(CART_KEY, {});
  const cart = new Map();
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const id = Number(key);
      const quantity = Number(value);
      if (Number.isSafeInteger(id) && id > 0 && Number.isFinite(quantity) && quantity >= 1) {
        cart.set(id, clampQuantity(quantity));
      }
    }
  }
  return new Map([...cart].sort((a, b) => a[0] - b[0]));
}

function writeCart(cart) {
  if (cart.size === 0) {
    try {
      store.removeItem(CART_KEY);
    } catch {
      // ignore
    }
  } else {
    writeJson(CART_KEY, Object.fromEntries(cart));
  }
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT));
}

export function getQuantity(productId) {
  return readCart().get(productId) || 0;
}

/** Sets a line's quantity (0 removes it); returns the quantity stored. */
export function setQuantity(productId, quantity) {
  const cart = readCart();
  const next = clampQuantity(Number(quantity) || 0);
  if (next === 0) {
    cart.delete(productId);
  } else {
    cart.set(productId, next);
  }
  writeCart(cart);
  return next;
}

/** Adds to a line, capped at MAX_QTY; returns the new quantity. */
export function addToCart(productId, amount = 1) {
  return setQuantity(productId, getQuantity(productId) + amount);
}

/** Removes one or more lines in a single write. */
export function removeFromCart(...productIds) {
  const cart = readCart();
  for (const id of productIds) cart.delete(id);
  writeCart(cart);
}

export function clearCart() {
  writeCart(new Map());
}

export function cartCount(cart = readCart()) {
  let count = 0;
  for (const quantity of cart.values()) {
    count += quantity;
  }
  return count;
}

/**
 * Empties the cart the first time a paid order is shown, so revisiting an old
 * success page later does not wipe a new cart.
 */
export function clearCartForPaidOrder(orderId) {
  const seen = readJson(PAID_ORDERS_KEY, []);
  const list = Array.isArray(seen) ? seen.filter((id) => typeof id === 'string') : [];
  if (list.includes(orderId)) {
    return false;
  }
  list.push(orderId);
  writeJson(PAID_ORDERS_KEY, list.slice(-20));
  clearCart();
  return true;
}

/** Calls back on cart changes from this page, other tabs, and back/forward cache restores. */
export function onCartChange(callback) {
  window.addEventListener(CHANGE_EVENT, callback);
  window.addEventListener('storage', (event) => {
    if (event.key === CART_KEY || event.key === null) {
      callback();
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      callback();
    }
  });
}

/** Keeps every cart badge ([data-testid="cart-count"]) in step with the cart. */
export function bindCartBadge() {
  const update = () => {
    const count = cartCount();
    for (const badge of document.querySelectorAll('[data-testid="cart-count"]')) {
      badge.textContent = String(count);
      badge.classList.toggle('is-empty', count === 0);
    }
    for (const label of document.querySelectorAll('[data-cart-count-label]')) {
      label.textContent = count === 1 ? ' item' : ' items';
    }
  };
  update();
  onCartChange(update);
}
