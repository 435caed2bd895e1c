// Sign-up: the API answers 202 for every address (it never says which have an account), so the page says
// "check your mail" whatever the address.
import { signUp } from './api.js';
import { bindCartBadge } from './cart.js';
import { setError } from './dom.js';
import { busy, checkedEmail, checkedNewPassword, clearOnInput, messageOf } from './forms.js';

const form = document.getElementById('signup-form');
const errorRegion = form.querySelector('[data-testid="error"]');
const emailInput = document.getElementById('email');
const passwordInput = document.getElementById('password');
const sent = document.getElementById('sent');
const heading = document.getElementById('page-heading');

async function submit(event) {
  event.preventDefault();
  setError(errorRegion, '');
  const email = checkedEmail(emailInput, errorRegion);
  if (email === null) return;
  const password = checkedNewPassword(passwordInput, errorRegion);
  if (password === null) return;
  const done = busy(form, 'Creating your account…');
  try {
    await signUp(email, password);
  } catch (error) {
    done();
    setError(errorRegion, messageOf(error));
    if (error.status === 422) passwordInput.focus();
    return;
  }
  done();
  passwordInput.value = '';
  form.hidden = true;
  document.getElementById('sent-email').textContent = email;
  sent.hidden = false;
  heading.textContent = 'Check your mail';
  document.title = 'Check your mail — Order Engine Shop';
  heading.focus();
}

document.getElementById('start-over').addEventListener('click', () => {
  sent.hidden = true;
  form.hidden = false;
  heading.textContent = 'Create an account';
  document.title = 'Create an account — Order Engine Shop';
  emailInput.focus();
});
form.addEventListener('submit', submit);
clearOnInput(form, errorRegion);
bindCartBadge();
