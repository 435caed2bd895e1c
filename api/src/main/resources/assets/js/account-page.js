// The account page: the address, since when, the order history a page at a time (newest first, "Load more"
// follows nextCursor), sign-out and deletion. Signed out, it sends the visitor to sign in.
import { currentAccount, forgetAccount, signOutAndLeave } from './account.js';
import { ApiError, changePassword, deleteAccount, getAccountOrders } from './api.js';
import { bindCartBadge } from './cart.js';
import { h, setError, srOnly } from './dom.js';
import { busy, checkedNewPassword, checkedPassword, clearOnInput, messageOf } from './forms.js';
import { formatAmount, formatCents, multiplyCents, toCents } from './money.js';

const status = document.getElementById('status');
const errorRegion = document.querySelector('[data-testid="error"]');
const retry = document.getElementById('retry');
const accountView = document.getElementById('account');
const ordersList = document.getElementById('orders');
const ordersStatus = document.getElementById('orders-status');
const ordersError = document.getElementById('orders-error');
const ordersEmpty = document.getElementById('orders-empty');
const moreButton = document.getElementById('more');
const signOutButton = document.getElementById('signout');
const deleteForm = document.getElementById('delete-form');
const deleteError = deleteForm.querySelector('[data-testid="delete-error"]');
const deletePassword = document.getElementById('delete-password');
const changeForm = document.getElementById('change-password-form');
const changeError = changeForm.querySelector('[data-testid="change-error"]');
const changeStatus = changeForm.querySelector('[data-testid="password-changed-status"]');
const currentPassword = document.getElementById('current-password');
const changedPassword = document.getElementById('changed-password');

/** The cursor of the next page of orders; null once the last page is shown. */
let nextCursor = null;

function toSignIn() {
  window.location.replace('/account/signin');
}

function formatDate(iso, options = { dateStyle: 'medium' }) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, options);
}

function time(iso, options) {
  return h('time', { datetime: iso || '', text: formatDate(iso, options) });
}

function itemRow(item, currency) {
  let amount = '—';
  try {
    amount = formatCents(multiplyCents(toCents(item.unitPrice), item.quantity), currency);
  } catch {
    // leave the dash
  }
  return h(
    'tr',
    {},
    h('th', { scope: 'row', text: item.name || `Product ${item.productId}` }),
    h('td', { class: 'num', text: String(item.quantity) }),
    h('td', { class: 'num', text: amount }),
  );
}

function orderCard(order) {
  const orderStatus = String(order.status || 'unknown');
  const known = ['pending', 'paid', 'failed', 'expired', 'cancelled', 'refunded'].includes(orderStatus);
  const headingId = `order-${order.orderId}-heading`;
  const refunds = Array.isArray(order.refunds) ? order.refunds : [];
  return h(
    'li',
    { class: 'order-card', 'data-testid': `order-${order.orderId}`, 'aria-labelledby': headingId, tabindex: -1 },
    h(
      'div',
      { class: 'order-head' },
      h(
        'div',
        {},
        h('h3', { class: 'history-date', id: headingId }, 'Order of ', time(order.createdAt)),
        h('p', { class: 'order-ref' }, srOnly('Reference '), h('code', { 'data-testid': 'order-id', text: order.orderId })),
      ),
      h(
        'p',
        { class: 'order-status-wrap' },
        srOnly('Status: '),
        h('span', {
          class: `status-badge status-${known ? orderStatus : 'unknown'}`,
          'data-testid': 'order-status',
          text: orderStatus,
        }),
      ),
    ),
    h(
      'table',
      { class: 'order-table' },
      h('caption', { class: 'visually-hidden', text: 'Items in this order' }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: 'Item' }),
          h('th', { scope: 'col', class: 'num', text: 'Qty' }),
          h('th', { scope: 'col', class: 'num', text: 'Amount' }),
        ),
      ),
      h('tbody', {}, (Array.isArray(order.items) ? order.items : []).map((item) => itemRow(item, order.currency))),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row', colspan: 2, text: 'Total' }),
          h('td', { class: 'num', 'data-testid': 'order-total', text: formatAmount(order.total, order.currency) }),
        ),
      ),
    ),
    order.paidAt ? h('p', { class: 'history-note' }, 'Paid ', time(order.paidAt, { dateStyle: 'medium', timeStyle: 'short' })) : null,
    refunds.map((refund) => h(
      'p',
      { class: 'history-note', 'data-testid': 'order-refund' },
      `Refunded ${formatAmount(refund.amount, refund.currency || order.currency)}`,
      refund.createdAt ? ' on ' : '',
      refund.createdAt ? time(refund.createdAt) : null,
    )),
  );
}

async function loadOrders() {
  const first = ordersList.childElementCount === 0;
  setError(ordersError, '');
  moreButton.disabled = true;
  moreButton.setAttribute('aria-busy', 'true');
  ordersStatus.textContent = first ? 'Loading your orders…' : 'Loading more orders…';
  let page;
  try {
    page = await getAccountOrders(nextCursor);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      toSignIn();
      return;
    }
    ordersStatus.textContent = '';
    setError(ordersError, `We could not load your orders. ${messageOf(error)}`);
    moreButton.hidden = false;
    moreButton.disabled = false;
    moreButton.removeAttribute('aria-busy');
    moreButton.textContent = first ? 'Try again' : 'Load more orders';
    return;
  }
  const orders = Array.isArray(page.orders) ? page.orders : [];
  nextCursor = typeof page.nextCursor === 'string' && page.nextCursor ? page.nextCursor : null;
  const cards = orders.map(orderCard);
  ordersList.append(...cards);
  ordersEmpty.hidden = ordersList.childElementCount > 0;
  moreButton.hidden = nextCursor === null;
  moreButton.disabled = false;
  moreButton.removeAttribute('aria-busy');
  moreButton.textContent = 'Load more orders';
  const shown = ordersList.childElementCount;
  ordersStatus.textContent = first ? '' : `${shown} orders shown${nextCursor === null ? ', all of them' : ''}.`;
  // After "Load more", the keyboard continues from the first order it brought.
  if (!first && cards.length > 0) cards[0].focus();
}

async function replacePassword(event) {
  event.preventDefault();
  setError(changeError, '');
  changeStatus.textContent = '';
  const current = checkedPassword(currentPassword, changeError);
  if (current === null) return;
  const next = checkedNewPassword(changedPassword, changeError);
  if (next === null) return;
  const done = busy(changeForm, 'Changing your password…');
  try {
    await changePassword(current, next);
  } catch (error) {
    done();
    if (error instanceof ApiError && error.status === 401) {
      toSignIn();
      return;
    }
    setError(changeError, messageOf(error));
    return;
  }
  done();
  currentPassword.value = '';
  changedPassword.value = '';
  changeStatus.textContent = 'Your password is changed. Everywhere else you were signed in, you are signed out.';
}

async function removeAccount(event) {
  event.preventDefault();
  setError(deleteError, '');
  const password = checkedPassword(deletePassword, deleteError);
  if (password === null) return;
  const done = busy(deleteForm, 'Deleting your account…');
  try {
    await deleteAccount(password);
  } catch (error) {
    done();
    if (error instanceof ApiError && error.status === 401) {
      toSignIn();
      return;
    }
    setError(deleteError, messageOf(error));
    deletePassword.select();
    deletePassword.focus();
    return;
  }
  deletePassword.value = '';
  forgetAccount();
  accountView.hidden = true;
  document.getElementById('deleted').hidden = false;
  document.getElementById('page-heading').textContent = 'Account deleted';
  document.title = 'Account deleted — Order Engine Shop';
  document.getElementById('page-heading').focus();
}

async function start() {
  setError(errorRegion, '');
  retry.hidden = true;
  status.textContent = 'Loading your account…';
  let account;
  try {
    account = await currentAccount();
  } catch (error) {
    status.textContent = '';
    setError(errorRegion, `We could not load your account. ${messageOf(error)}`);
    retry.hidden = false;
    return;
  }
  if (!account) {
    toSignIn();
    return;
  }
  status.textContent = '';
  document.querySelector('[data-testid="account-page-email"]').textContent = account.email;
  const since = document.getElementById('member-since');
  since.dateTime = account.createdAt || '';
  since.textContent = formatDate(account.createdAt, { dateStyle: 'long' });
  accountView.hidden = false;
  await loadOrders();
}

signOutButton.addEventListener('click', async () => {
  signOutButton.disabled = true;
  try {
    await signOutAndLeave();
  } catch (error) {
    signOutButton.disabled = false;
    setError(errorRegion, `Could not sign out. ${messageOf(error)}`);
  }
});
moreButton.addEventListener('click', loadOrders);
retry.addEventListener('click', () => window.location.reload());
changeForm.addEventListener('submit', replacePassword);
clearOnInput(changeForm, changeError);
deleteForm.addEventListener('submit', removeAccount);
clearOnInput(deleteForm, deleteError);
bindCartBadge();
start();
