// The mailed link is /account/verify#token=…: the token sits in the fragment so that no server, log or Referer
// ever sees it. It is read, taken out of the address bar and history, and posted; the answer signs the customer in.
import { accountChanged, canKeepSession, currentAccount } from './account.js';
import { ApiError, verifyEmail } from './api.js';
import { bindCartBadge } from './cart.js';
import { setError } from './dom.js';
import { messageOf } from './forms.js';

const heading = document.getElementById('page-heading');
const status = document.getElementById('status');
const errorRegion = document.querySelector('[data-testid="error"]');
const actions = document.getElementById('actions');

function tokenFromFragment() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return token;
}

function fail(title, message) {
  heading.textContent = title;
  document.title = `${title} — Order Engine Shop`;
  status.textContent = '';
  setError(errorRegion, message);
  actions.hidden = false;
}

async function start() {
  const token = tokenFromFragment();
  if (!token) {
    // Reloading the page after it worked lands here: the token is gone from the address by then.
    const account = await currentAccount().catch(() => null);
    if (account && account.verified) {
      window.location.replace('/account');
      return;
    }
    fail('This link is incomplete', 'Open the link from the mail we sent you, exactly as it is in the mail.');
    return;
  }
  let account;
  try {
    account = await verifyEmail(token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      fail('This link no longer works',
        `${messageOf(error)} A link works once and for a limited time: sign in if you already confirmed your `
          + 'address, or create your account again for a new link.');
    } else {
      fail('We could not confirm your address', `${messageOf(error)} Open the link from the mail again to retry.`);
    }
    return;
  }
  if (!canKeepSession()) {
    // The address is confirmed, but the browser dropped the Secure session cookie on this plain-http page.
    heading.textContent = 'Your address is confirmed';
    status.textContent = 'Sign in at the shop’s https:// address to see your account.';
    return;
  }
  accountChanged(account);
  heading.textContent = 'Your address is confirmed';
  status.textContent = 'Taking you to your account…';
  window.location.replace('/account');
}

// Another mailed link opened in this tab changes only the fragment, which loads nothing: load it.
window.addEventListener('hashchange', () => window.location.reload());
bindCartBadge();
start();
