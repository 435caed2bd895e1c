// Who is signed in, asked of the api once per page load: the header and the page share the one answer.
import { ApiError, getAccount, signOut } from './api.js';

const EMAIL_KEY = 'orderEngineShop.email';

let answer = null;
const listeners = new Set();

/**
 * The signed-in account ({email, role, verified, createdAt}), or null when signed out. Rejects with the ApiError
 * when the shop could not say (unreachable, 5xx).
 */
export function currentAccount() {
  if (!answer) {
    answer = getAccount().catch((error) => {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    });
  }
  return answer;
}

/**
 * Whether this page can keep the session cookie: it is a __Host- cookie, so Secure, which a browser keeps only in a
 * secure context (https, or http://localhost).
 */
export function canKeepSession() {
  return window.isSecureContext;
}

/** For a page that signed the customer in or out without loading another page: the header follows. */
export function accountChanged(account) {
  answer = Promise.resolve(account);
  for (const listener of listeners) listener(account);
}

export function onAccountChange(listener) {
  listeners.add(listener);
}

/**
 * A same-origin address to go to after signing in, from ?next=…; anything else (another origin, "//host") is
 * ignored so the sign-in page cannot be made to send a customer elsewhere. The answer is the whole URL: a path
 * alone can normalise into "//host" ("/.//evil.com"), which a browser reads as another origin.
 */
export function nextPath(fallback = '/account') {
  const wanted = new URLSearchParams(window.location.search).get('next');
  if (!wanted || !wanted.startsWith('/') || wanted.startsWith('//') || wanted.startsWith('/\\')) return fallback;
  try {
    const url = new URL(wanted, window.location.origin);
    return url.origin === window.location.origin ? url.href : fallback;
  } catch {
    return fallback;
  }
}

/** The sign-in page's address that comes back to this page afterwards. */
export function signInHref(path = window.location.pathname + window.location.search) {
  return path === '/' || path.startsWith('/account') ? '/account/signin' : `/account/signin?next=${encodeURIComponent(path)}`;
}

/** Forgets, in this tab, what belonged to the account: the cart's remembered receipt address. */
export function forgetAccount() {
  try {
    window.sessionStorage.removeItem(EMAIL_KEY);
  } catch {
    // storage refused: nothing was remembered either
  }
  accountChanged(null);
}

/**
 * Signs out, then leaves: account pages have nothing to show a signed-out visitor, any other page is shown afresh
 * as a guest's. Rejects with the ApiError when the shop could not sign out.
 */
export async function signOutAndLeave() {
  await signOut();
  forgetAccount();
  if (window.location.pathname.startsWith('/account')) {
    window.location.assign('/');
  } else {
    window.location.reload();
  }
}
