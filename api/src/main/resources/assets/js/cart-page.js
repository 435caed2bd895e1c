// Cart page: lines priced from the current /api/products, totals in integer cents,
// and the hand-off to Stripe Checkout through POST /api/checkout.
import { currentAccount } from './account.js';
import { ApiError, getProducts, newIdempotencyKey, startCheckout } from './api.js';
import { MAX_QTY, bindCartBadge, cartCount, onCartChange, readCart, removeFromCart, setQuantity } from './cart.js';
import { announce, h, setError, srOnly, withImageFallback } from './dom.js';
import { formatCents, multiplyCents, toCents } from './money.js';

const EMAIL_KEY = 'orderEngineShop.email';
const CHECKOUT_STARTED_KEY = 'orderEngineShop.checkoutStarted';
// The API's rule: something@domain.tld
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const status = document.getElementById('status');
const notice = document.getElementById('notice');
const errorRegion = document.querySelector('[data-testid="error"]');
const retryLoad = document.getElementById('retry');
const emptyView = document.getElementById('cart-empty');
const contentView = document.getElementById('cart-content');
const linesList = document.getElementById('cart-lines');
const itemCount = document.getElementById('item-count');
const totalEl = document.querySelector('[data-testid="cart-total"]');
const form = document.getElementById('checkout-form');
const emailInput = document.querySelector('[data-testid="email"]');
const emailError = document.getElementById('email-error');
const checkoutButton = document.querySelector('[data-testid="checkout"]');

/** product id → {product, cents} once /api/products answered; null before. */
let catalog = null;
/** product id → the line's elements */
const lines = new Map();
let busy = false;
/** Signed in, the order must carry the account's address (the API refuses another), so the field is fixed. */
let accountEmail = null;
let rendering = false;
/** The submission in flight or to retry: {fingerprint, key}. */
let submission = null;

function session() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

// ---------- rendering ----------

function lineElements(id, product, cents) {
  const nameId = `line-name-${id}`;
  const quantityInput = h('input', {
    type: 'number',
    inputmode: 'numeric',
    min: 1,
    max: MAX_QTY,
    step: 1,
    class: 'qty-input',
    id: `qty-${id}`,
    'data-testid': `qty-${id}`,
    'aria-label': `Quantity of ${product.name}`,
  });
  quantityInput.addEventListener('change', () => changeTypedQuantity(id, quantityInput));
  quantityInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      changeTypedQuantity(id, quantityInput);
    }
  });
  const decrease = h('button', {
    type: 'button',
    class: 'qty-btn',
    'data-testid': `dec-${id}`,
    'aria-label': `Decrease quantity of ${product.name}`,
    onclick: () => step(id, -1),
  }, h('span', { 'aria-hidden': 'true', text: '−' }));
  const increase = h('button', {
    type: 'button',
    class: 'qty-btn',
    'data-testid': `inc-${id}`,
    'aria-label': `Increase quantity of ${product.name}`,
    onclick: () => step(id, +1),
  }, h('span', { 'aria-hidden': 'true', text: '+' }));
  const remove = h('button', {
    type: 'button',
    class: 'link-button remove',
    'data-testid': `remove-${id}`,
    onclick: () => removeLine(id),
  }, 'Remove', srOnly(` ${product.name}`));
  const lineTotal = h('p', { class: 'line-total', 'data-testid': `line-total-${id}` });
  const row = h(
    'li',
    { class: 'cart-line', 'data-testid': `cart-line-${id}`, 'aria-labelledby': nameId },
    h('img', { class: 'line-image', src: product.imageUrl || '/images/placeholder.svg', alt: '', width: 72, height: 72 }),
    h(
      'div',
      { class: 'line-info' },
      h('h3', { class: 'line-name', id: nameId, text: product.name }),
      h('p', { class: 'line-unit' }, formatCents(cents), h('span', { class: 'muted', text: ' each' })),
    ),
    h('div', { class: 'qty', role: 'group', 'aria-label': `Quantity of ${product.name}` }, decrease, quantityInput, increase),
    h('div', { class: 'line-end' }, lineTotal, remove),
  );
  withImageFallback(row.querySelector('img'));
  return { row, quantityInput, decrease, increase, remove, lineTotal, cents, name: product.name };
}

/** The cart restricted to products the API still sells, with unknown ids dropped from storage. */
function knownCart() {
  const cart = readCart();
  if (!catalog) return cart;
  const dropped = [...cart.keys()].filter((id) => !catalog.has(id));
  if (dropped.length > 0) {
    removeFromCart(...dropped);
    notice.textContent = dropped.length === 1
      ? 'One item in your cart is no longer available and was removed.'
      : `${dropped.length} items in your cart are no longer available and were removed.`;
    for (const id of dropped) cart.delete(id);
  }
  return cart;
}

function render() {
  if (rendering) return;
  rendering = true;
  try {
    renderNow();
  } finally {
    rendering = false;
  }
}

function renderNow() {
  const cart = knownCart();
  if (cart.size === 0) {
    emptyView.hidden = false;
    contentView.hidden = true;
    status.textContent = '';
    notice.textContent = '';
    for (const line of lines.values()) line.row.remove();
    lines.clear();
    return;
  }
  if (!catalog) return; // still loading the prices
  emptyView.hidden = true;
  contentView.hidden = false;

  for (const [id, line] of lines) {
    if (!cart.has(id)) {
      line.row.remove();
      lines.delete(id);
    }
  }
  let total = 0;
  let previous = null;
  for (const [id, quantity] of cart) {
    const { product, cents } = catalog.get(id);
    let line = lines.get(id);
    if (!line) {
      line = lineElements(id, product, cents);
      lines.set(id, line);
    }
    // Keep DOM order equal to cart order without moving nodes needlessly (keeps focus).
    const expectedPosition = previous ? previous.nextElementSibling : linesList.firstElementChild;
    if (expectedPosition !== line.row) {
      linesList.insertBefore(line.row, expectedPosition);
    }
    previous = line.row;

    const lineCents = multiplyCents(cents, quantity);
    total += lineCents;
    if (document.activeElement !== line.quantityInput || line.quantityInput.value === '') {
      line.quantityInput.value = String(quantity);
    }
    line.lineTotal.textContent = formatCents(lineCents);
    line.decrease.disabled = busy || quantity <= 1;
    line.increase.disabled = busy || quantity >= MAX_QTY;
    line.quantityInput.disabled = busy;
    line.remove.disabled = busy;
  }
  const count = cartCount(cart);
  itemCount.textContent = `${count} ${count === 1 ? 'item' : 'items'}`;
  totalEl.textContent = formatCents(total);
  checkoutButton.disabled = busy;
}

// ---------- cart edits ----------

function step(id, delta) {
  const quantity = readCart().get(id) || 0;
  const next = Math.min(MAX_QTY, Math.max(1, quantity + delta));
  if (next !== quantity) {
    setQuantity(id, next);
    const limit = next >= MAX_QTY ? ` That is the maximum of ${MAX_QTY} per product.` : '';
    announce(`${lines.get(id)?.name ?? 'Item'}: quantity ${next}. Total ${totalEl.textContent}.${limit}`);
  }
}

function changeTypedQuantity(id, input) {
  const typed = Number(input.value);
  const current = readCart().get(id) || 0;
  if (input.value.trim() === '' || !Number.isFinite(typed)) {
    input.value = String(current);
    return;
  }
  const wanted = Math.trunc(typed);
  if (wanted <= 0) {
    removeLine(id);
    return;
  }
  const next = Math.min(MAX_QTY, wanted);
  input.value = String(next);
  if (next !== current) setQuantity(id, next);
  const limit = wanted > MAX_QTY ? ` That is the maximum of ${MAX_QTY} per product.` : '';
  announce(`${lines.get(id)?.name ?? 'Item'}: quantity ${next}. Total ${totalEl.textContent}.${limit}`);
}

function removeLine(id) {
  const line = lines.get(id);
  const name = line?.name ?? 'Item';
  // Move focus somewhere sensible before the line disappears.
  const sibling = line?.row.nextElementSibling || line?.row.previousElementSibling;
  removeFromCart(id);
  const next = sibling && [...lines.values()].find((l) => l.row === sibling);
  if (next) {
    next.remove.focus();
  } else {
    document.getElementById('cart-heading').focus();
  }
  announce(`Removed ${name} from your cart.`);
}

// ---------- checkout ----------

function setBusy(value) {
  busy = value;
  checkoutButton.textContent = value ? 'Redirecting to payment…' : 'Checkout';
  checkoutButton.setAttribute('aria-busy', String(value));
  emailInput.readOnly = value || accountEmail !== null;
  render();
}

function validEmail() {
  const email = emailInput.value.trim();
  let message = '';
  if (!email) {
    message = 'Please enter your email address.';
  } else if (!emailInput.checkValidity() || !EMAIL_PATTERN.test(email)) {
    message = 'Please enter a valid email address, like name@example.com.';
  }
  emailError.textContent = message;
  emailError.hidden = !message;
  emailInput.setAttribute('aria-invalid', String(Boolean(message)));
  return message ? null : email;
}

function checkoutMessage(error) {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong starting the payment. Please try again.';
  }
  if (error.status === 503) {
    return 'Checkout is temporarily unavailable. Your cart is saved — please try again in a moment.';
  }
  if (error.status === 409) {
    return 'That checkout attempt could not be completed. Please press Checkout to start a new one.';
  }
  if (error.status === 0) return error.message;
  return `We couldn't start the payment: ${error.message}`;
}

async function submit(event) {
  event.preventDefault();
  if (busy) return;
  setError(errorRegion, '');
  const email = validEmail();
  if (!email) {
    emailInput.focus();
    return;
  }
  const items = [...knownCart()].map(([productId, quantity]) => ({ productId, quantity }));
  if (items.length === 0) return;

  // One key per submission: the same cart and email retried keep their key, any change gets a new one.
  const fingerprint = JSON.stringify([email.toLowerCase(), items]);
  if (!submission || submission.fingerprint !== fingerprint) {
    submission = { fingerprint, key: newIdempotencyKey() };
  }

  setBusy(true);
  try {
    const answer = await startCheckout({ items, email }, submission.key);
    const url = answer && typeof answer.url === 'string' ? new URL(answer.url, window.location.href) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new ApiError('The payment page address was missing. Please try again.', 502);
    }
    session()?.setItem(EMAIL_KEY, email);
    session()?.setItem(CHECKOUT_STARTED_KEY, String(answer.orderId || ''));
    // Stay busy: the browser is leaving for the payment page. The cart stays until payment is confirmed.
    window.location.assign(url.href);
  } catch (error) {
    if (!(error instanceof ApiError) || !error.retryable || error.status === 409) {
      submission = null; // the next attempt is a new submission with a new key
    }
    setBusy(false);
    setError(errorRegion, checkoutMessage(error));
    if (error instanceof ApiError && error.retryable) {
      checkoutButton.textContent = 'Try again';
    }
  }
}

// ---------- start ----------

async function loadProducts() {
  setError(errorRegion, '');
  retryLoad.hidden = true;
  if (readCart().size === 0) {
    render();
  } else {
    status.textContent = 'Loading your cart…';
  }
  try {
    const products = await getProducts();
    catalog = new Map();
    for (const product of Array.isArray(products) ? products : []) {
      if (!product || !Number.isSafeInteger(product.id)) continue;
      try {
        catalog.set(product.id, { product, cents: toCents(product.price) });
      } catch {
        // a product without a usable price cannot be bought
      }
    }
    status.textContent = '';
    render();
  } catch (error) {
    status.textContent = '';
    if (readCart().size > 0) {
      setError(errorRegion, `Sorry, we couldn't load current prices. ${error.message}`);
      retryLoad.hidden = false;
    }
  }
}

function resetAfterReturn() {
  // Restored from the back/forward cache after leaving for the payment page.
  submission = null;
  setBusy(false);
  const storage = session();
  if (storage && storage.getItem(CHECKOUT_STARTED_KEY) !== null) showReturnNotice();
}

function showReturnNotice() {
  session()?.removeItem(CHECKOUT_STARTED_KEY);
  if (readCart().size > 0) {
    notice.textContent = 'Payment was not completed. Your cart is still here whenever you are ready.';
  }
}

if (session() && session().getItem(CHECKOUT_STARTED_KEY) !== null) {
  showReturnNotice();
}
emailInput.value = session()?.getItem(EMAIL_KEY) || '';
currentAccount().then(
  (account) => {
    if (account) {
      accountEmail = account.email;
      emailInput.value = account.email;
      emailInput.readOnly = true;
      emailInput.setAttribute('aria-describedby', 'email-error account-note');
      emailError.hidden = true;
      document.getElementById('account-note').hidden = false;
    } else {
      document.getElementById('guest-note').hidden = false;
    }
  },
  () => {
    // The shop could not say who is signed in: the page stays a guest's, and checkout's answer tells the rest.
  },
);
emailInput.addEventListener('input', () => {
  if (!emailError.hidden) validEmail();
  if (!busy) checkoutButton.textContent = 'Checkout';
});
form.addEventListener('submit', submit);
retryLoad.addEventListener('click', loadProducts);
window.addEventListener('pageshow', (event) => {
  if (event.persisted) resetAfterReturn();
});
bindCartBadge();
onCartChange(() => {
  if (!busy) checkoutButton.textContent = 'Checkout';
  render();
});
loadProducts();
