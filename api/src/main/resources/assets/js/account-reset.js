// /account/reset#token=… (the mailed link) chooses a new password; /account/reset alone asks for the mail. The
// token sits in the fragment so that no server, log or Referer sees it; it is taken out of the address at once.
import { confirmPasswordReset, requestPasswordReset } from './api.js';
import { bindCartBadge } from './cart.js';
import { setError } from './dom.js';
import { busy, checkedEmail, checkedNewPassword, clearOnInput, messageOf } from './forms.js';

const heading = document.getElementById('page-heading');
const requestForm = document.getElementById('request-form');
const requestError = requestForm.querySelector('[data-testid="error"]');
const emailInput = document.getElementById('email');
const requestSent = document.getElementById('request-sent');
const passwordForm = document.getElementById('password-form');
const passwordError = passwordForm.querySelector('[data-testid="error"]');
const passwordInput = document.getElementById('new-password');
const passwordChanged = document.getElementById('password-changed');

function setHeading(text) {
  heading.textContent = text;
  document.title = `${text} — Order Engine Shop`;
}

function tokenFromFragment() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return token;
}

function showRequestForm(message) {
  passwordForm.hidden = true;
  requestForm.hidden = false;
  setError(requestError, message || '');
}

async function requestMail(event) {
  event.preventDefault();
  setError(requestError, '');
  const email = checkedEmail(emailInput, requestError);
  if (email === null) return;
  const done = busy(requestForm, 'Sending…');
  try {
    await requestPasswordReset(email);
  } catch (error) {
    done();
    setError(requestError, messageOf(error));
    return;
  }
  done();
  requestForm.hidden = true;
  document.getElementById('sent-email').textContent = email;
  requestSent.hidden = false;
  setHeading('Check your mail');
  heading.focus();
}

async function choosePassword(token, event) {
  event.preventDefault();
  setError(passwordError, '');
  const password = checkedNewPassword(passwordInput, passwordError);
  if (password === null) return;
  const done = busy(passwordForm, 'Changing your password…');
  try {
    await confirmPasswordReset(token, password);
  } catch (error) {
    done();
    if (error.status === 400) {
      passwordInput.value = '';
      setHeading('This link no longer works');
      showRequestForm(`${messageOf(error)} Ask for a new link below.`);
      emailInput.focus();
    } else {
      setError(passwordError, messageOf(error));
      passwordInput.focus();
    }
    return;
  }
  done();
  passwordInput.value = '';
  passwordForm.hidden = true;
  passwordChanged.hidden = false;
  setHeading('Password changed');
  heading.focus();
}

// Another mailed link opened in this tab changes only the fragment, which loads nothing: load it.
window.addEventListener('hashchange', () => window.location.reload());
const token = tokenFromFragment();
if (token) {
  setHeading('Choose a new password');
  passwordForm.hidden = false;
  passwordForm.addEventListener('submit', (event) => choosePassword(token, event));
} else {
  showRequestForm();
}
requestForm.addEventListener('submit', requestMail);
clearOnInput(requestForm, requestError);
clearOnInput(passwordForm, passwordError);
bindCartBadge();
