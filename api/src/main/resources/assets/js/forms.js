// What the account pages' forms share: checks before posting, the busy button, and the API's error shown
// in the form's alert region.
import { ApiError } from './api.js';
import { setError } from './dom.js';

// The API's rule: something@domain.tld
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

/** The trimmed address, or null after saying what is wrong with it. */
export function checkedEmail(input, region) {
  const email = input.value.trim();
  let message = '';
  if (!email) message = 'Please enter your email address.';
  else if (!EMAIL_PATTERN.test(email)) message = 'Please enter a valid email address, like name@example.com.';
  return refuse(input, region, message) ? null : email;
}

/**
 * The password as typed (spaces count), or null after saying what is wrong with its length. The field has no
 * maxlength: a pasted password cut short without a word would not be the one the customer keeps.
 */
export function checkedNewPassword(input, region) {
  const password = input.value;
  // Counted in characters as the API counts them, not in UTF-16 units.
  const length = [...password].length;
  let message = '';
  if (length < MIN_PASSWORD) message = `Please choose a password of at least ${MIN_PASSWORD} characters.`;
  else if (length > MAX_PASSWORD) message = `Please choose a password of at most ${MAX_PASSWORD} characters.`;
  return refuse(input, region, message) ? null : password;
}

/** The password as typed, or null when the field is empty. */
export function checkedPassword(input, region) {
  return refuse(input, region, input.value ? '' : 'Please enter your password.') ? null : input.value;
}

function refuse(input, region, message) {
  input.setAttribute('aria-invalid', String(Boolean(message)));
  if (message) {
    setError(region, message);
    input.focus();
  }
  return Boolean(message);
}

/** Disables the form's submit button while a request is in flight, with a label saying what happens. */
export function busy(form, busyLabel) {
  const button = form.querySelector('button[type="submit"]');
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  for (const input of form.querySelectorAll('input')) input.readOnly = true;
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
    for (const input of form.querySelectorAll('input')) input.readOnly = input.dataset.readOnly === 'true';
  };
}

/**
 * The API's {"error"} for the customer as a sentence (the API writes lower-case clauses without a full stop), or
 * a plain sentence when the failure was not the API's answer.
 */
export function messageOf(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const text = error.message.trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Clears the form's error and the fields' invalid marks as the customer starts over. */
export function clearOnInput(form, region) {
  form.addEventListener('input', (event) => {
    event.target.removeAttribute('aria-invalid');
    setError(region, '');
  });
}
