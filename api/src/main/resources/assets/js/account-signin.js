// Sign-in: the API answers the same 401 to a wrong password, an unknown or an unconfirmed address, and 429 with
// the seconds to wait after repeated failures; both come as {"error"}, shown as they are.
import { accountChanged, canKeepSession, currentAccount, nextPath } from './account.js';
import { signIn } from './api.js';
import { bindCartBadge } from './cart.js';
import { h, setError } from './dom.js';
import { busy, checkedEmail, checkedPassword, clearOnInput, messageOf } from './forms.js';

const form = document.getElementById('signin-form');
const errorRegion = form.querySelector('[data-testid="error"]');
const emailInput = document.getElementById('email');
const passwordInput = document.getElementById('password');
const signedInNote = document.getElementById('signed-in-note');

async function submit(event) {
  event.preventDefault();
  setError(errorRegion, '');
  if (!canKeepSession()) {
    setError(errorRegion, 'Signing in needs a secure connection: open this shop at its https:// address.');
    return;
  }
  const email = checkedEmail(emailInput, errorRegion);
  if (email === null) return;
  const password = checkedPassword(passwordInput, errorRegion);
  if (password === null) return;
  const done = busy(form, 'Signing in…');
  let account;
  try {
    account = await signIn(email, password);
  } catch (error) {
    done();
    setError(errorRegion, messageOf(error));
    passwordInput.select();
    passwordInput.focus();
    return;
  }
  accountChanged(account);
  window.location.assign(nextPath());
}

// Someone already signed in may still sign in as someone else; say who they are first.
currentAccount().then(
  (account) => {
    if (!account) return;
    signedInNote.replaceChildren(
      'You are signed in as ',
      h('strong', { text: account.email }),
      '. ',
      h('a', { href: nextPath(), text: 'Continue' }),
    );
    signedInNote.hidden = false;
  },
  () => {},
);
form.addEventListener('submit', submit);
clearOnInput(form, errorRegion);
bindCartBadge();
