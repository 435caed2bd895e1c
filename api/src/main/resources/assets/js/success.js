// Success page: Stripe sends the customer to /checkout/success?session_id=cs_…
// The session is turned into the order, which is polled while payment is pending.
import { ApiError, getCheckoutSession, getOrder } from './api.js';
import { bindCartBadge, clearCartForPaidOrder } from './cart.js';
import { h, setError } from './dom.js';
import { formatAmount, formatCents, multiplyCents, toCents } from './money.js';

const POLL_INTERVAL_MS = 1000;
const GIVE_UP_AFTER_MS = 2 * 60 * 1000;
const CHECKOUT_STARTED_KEY = 'orderEngineShop.checkoutStarted';

const heading = document.getElementById('page-heading');
const statusPanel = document.getElementById('status-panel');
const statusTitle = document.getElementById('status-title');
const statusText = document.getElementById('status-text');
const errorRegion = document.querySelector('[data-testid="error"]');
const orderView = document.getElementById('order');
const orderIdEl = document.querySelector('[data-testid="order-id"]');
const statusBadge = document.querySelector('[data-testid="order-status"]');
const linesBody = document.getElementById('order-lines');
const totalEl = document.querySelector('[data-testid="order-total"]');
const emailEl = document.querySelector('[data-testid="order-email"]');
const createdEl = document.getElementById('order-created');
const paidRow = document.getElementById('order-paid-row');
const paidEl = document.getElementById('order-paid');
const actions = document.getElementById('actions');
const checkAgain = document.getElementById('check-again');

/** What to say for each status. */
const MESSAGES = {
  pending: {
    title: 'Waiting for payment confirmation…',
    text: 'We are waiting for Stripe to confirm your payment; this page updates by itself. '
      + 'Some payment methods, such as bank debits, can take longer to confirm — even days. '
      + 'You can keep this page’s link and come back later to check.',
    tone: 'info',
  },
  paid: {
    title: 'Thank you! Payment received.',
    text: 'Your order is confirmed. Please keep the order reference below for your records.',
    tone: 'success',
  },
  expired: {
    title: 'This checkout expired.',
    text: 'The payment page timed out before a payment was made, so nothing was charged. '
      + 'Your cart is still saved — you can check out again.',
    tone: 'warning',
    cart: true,
  },
  failed: {
    title: 'The payment did not go through.',
    text: 'Your payment could not be completed. Your cart is still saved — you can try again, perhaps with another payment method.',
    tone: 'error',
    cart: true,
  },
  cancelled: {
    title: 'This order was cancelled.',
    text: 'The order was cancelled and will not be charged. Your cart is still saved if you would like to order again.',
    tone: 'warning',
    cart: true,
  },
  refunded: {
    title: 'This order was refunded.',
    text: 'The payment for this order has been refunded.',
    tone: 'neutral',
  },
};

let clockStart = Date.now();
let shownStatus = null;
let timer = null;

function setPanel({ title, text, tone }) {
  statusPanel.hidden = false;
  statusPanel.dataset.tone = tone;
  statusTitle.textContent = title;
  statusText.textContent = text;
}

function fail(message) {
  statusPanel.hidden = true;
  setError(errorRegion, message);
  heading.textContent = 'We could not find your order';
  actions.hidden = false;
  document.getElementById('back-to-cart').hidden = false;
}

function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function renderLines(order) {
  const rows = (Array.isArray(order.items) ? order.items : []).map((item) => {
    let amount = '—';
    let unit = '—';
    try {
      const cents = toCents(item.unitPrice);
      unit = formatCents(cents, order.currency);
      amount = formatCents(multiplyCents(cents, item.quantity), order.currency);
    } catch {
      // leave the dashes
    }
    return h(
      'tr',
      { 'data-testid': `order-line-${item.productId}` },
      h('th', { scope: 'row', text: item.name || `Product ${item.productId}` }),
      h('td', { class: 'num', text: String(item.quantity) }),
      h('td', { class: 'num col-unit', text: unit }),
      h('td', { class: 'num', text: amount }),
    );
  });
  linesBody.replaceChildren(...rows);
}

function render(order) {
  const status = String(order.status || 'unknown');
  orderView.hidden = false;
  orderIdEl.textContent = order.orderId;
  statusBadge.textContent = status;
  statusBadge.className = `status-badge status-${MESSAGES[status] ? status : 'unknown'}`;
  renderLines(order);
  totalEl.textContent = formatAmount(order.total, order.currency);
  emailEl.textContent = order.email || '';
  createdEl.textContent = formatTime(order.createdAt);
  createdEl.dateTime = order.createdAt || '';
  paidRow.hidden = !order.paidAt;
  paidEl.textContent = formatTime(order.paidAt);
  paidEl.dateTime = order.paidAt || '';

  if (status !== shownStatus) {
    shownStatus = status;
    const message = MESSAGES[status] || {
      title: 'Order status',
      text: `Your order's status is “${status}”.`,
      tone: 'neutral',
    };
    setPanel(message);
    heading.textContent = status === 'paid' ? 'Order confirmed' : 'Your order';
    document.title = `${message.title} — Order Engine Shop`;
    actions.hidden = false;
    document.getElementById('back-to-cart').hidden = !message.cart;
  }
  if (status === 'paid') {
    clearCartForPaidOrder(order.orderId);
    try {
      window.sessionStorage.removeItem(CHECKOUT_STARTED_KEY);
    } catch {
      // ignore
    }
  }
}

function timeLeft() {
  return GIVE_UP_AFTER_MS - (Date.now() - clockStart);
}

function giveUp() {
  setPanel({
    title: 'Still processing',
    text: 'Your payment is still being confirmed. This can take a while for some payment methods — '
      + 'please refresh this page later to see the update.',
    tone: 'info',
  });
  shownStatus = null;
  checkAgain.hidden = false;
}

/** Calls fn until it settles; network and server hiccups are retried until the time is up. */
async function withRetry(fn) {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      const retry = error instanceof ApiError && error.retryable && timeLeft() > 0;
      if (!retry) throw error;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS * 2));
    }
  }
}

async function poll(orderId) {
  timer = null;
  let order;
  try {
    order = await withRetry(() => getOrder(orderId));
  } catch (error) {
    if (error instanceof ApiError && error.retryable) {
      giveUp();
    } else {
      fail(error instanceof ApiError && error.status === 404
        ? 'We could not find this order. Please check the link or contact us with your order reference.'
        : `Sorry, we could not load your order. ${error.message}`);
    }
    return;
  }
  setError(errorRegion, '');
  render(order);
  if (order.status === 'pending') {
    if (timeLeft() > 0) {
      timer = setTimeout(() => poll(orderId), POLL_INTERVAL_MS);
    } else {
      giveUp();
    }
  }
}

async function start() {
  const sessionId = new URLSearchParams(window.location.search).get('session_id');
  if (!sessionId) {
    fail('This page needs a checkout reference, but the link has none. '
      + 'If you just paid, check your email for the confirmation.');
    return;
  }
  let checkout;
  try {
    checkout = await withRetry(() => getCheckoutSession(sessionId));
  } catch (error) {
    fail(error instanceof ApiError && error.status === 404
      ? 'We could not find this checkout session. Please check the link, or go back to your cart and try again.'
      : `Sorry, we could not look up your checkout. ${error.message}`);
    return;
  }
  if (!checkout || typeof checkout.orderId !== 'string' || !checkout.orderId) {
    fail('We could not find the order for this checkout session.');
    return;
  }
  orderIdEl.textContent = checkout.orderId;
  checkAgain.addEventListener('click', () => {
    checkAgain.hidden = true;
    if (timer === null) {
      setPanel(MESSAGES.pending);
      shownStatus = 'pending';
      clockStart = Date.now();
      poll(checkout.orderId);
    }
  });
  await poll(checkout.orderId);
}

bindCartBadge();
start();
