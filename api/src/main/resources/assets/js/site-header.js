// The header's account links on every page (site-header.html loads this module): the signed-in customer's
// address with Account and Sign out, or Sign in.
import { currentAccount, onAccountChange, signInHref, signOutAndLeave } from './account.js';
import { announce, setError } from './dom.js';

const nav = document.querySelector('[data-account-nav]');
const emailEl = nav.querySelector('[data-testid="account-email"]');
const signInLink = nav.querySelector('[data-testid="signin-link"]');
const signOutButton = nav.querySelector('[data-testid="signout"]');

function show(account) {
  nav.dataset.state = account ? 'signed-in' : 'signed-out';
  for (const element of nav.querySelectorAll('[data-signed-in]')) element.hidden = !account;
  for (const element of nav.querySelectorAll('[data-signed-out]')) element.hidden = Boolean(account);
  emailEl.textContent = account ? account.email : '';
  emailEl.title = account ? account.email : '';
}

async function signOutNow() {
  signOutButton.disabled = true;
  signOutButton.setAttribute('aria-busy', 'true');
  try {
    await signOutAndLeave();
  } catch (error) {
    signOutButton.disabled = false;
    signOutButton.removeAttribute('aria-busy');
    const message = `Could not sign out. ${error.message}`;
    const region = document.querySelector('main [role="alert"]');
    if (region) setError(region, message);
    else announce(message);
  }
}

for (const link of nav.querySelectorAll('a')) {
  if (link.pathname === window.location.pathname) link.setAttribute('aria-current', 'page');
}
signInLink.href = signInHref();
signOutButton.addEventListener('click', signOutNow);
onAccountChange(show);
currentAccount().then(show, () => show(null));
