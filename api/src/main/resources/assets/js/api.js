// fetch wrapper for the JSON API under /api: every failure becomes an ApiError
// with a message fit to show to a customer.

export class ApiError extends Error {
  /**
   * @param {string} message  what to tell the customer
   * @param {number} status   HTTP status, or 0 when the server could not be reached
   */
  constructor(message, status, body = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** True when trying the very same request again may well work. */
  get retryable() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const DEFAULT_TIMEOUT_MS = 20000;

function fallbackMessage(status) {
  if (status === 503) return 'The shop is temporarily unavailable. Please try again in a moment.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (HTTP ${status}).`;
}

async function request(method, path, { body, headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch (error) {
    const timedOut = controller.signal.aborted;
    throw new ApiError(
      timedOut
        ? 'The shop took too long to answer. Please try again.'
        : 'Could not reach the shop. Check your connection and try again.',
      0,
    );
  } finally {
    clearTimeout(timer);
  }

  let data = null;
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const serverMessage = data && typeof data.error === 'string' && data.error.trim() ? data.error.trim() : null;
    throw new ApiError(serverMessage || fallbackMessage(response.status), response.status, data);
  }
  if (data === null) {
    // 204 is an answer with nothing to say (sign-out, a changed password, a deleted account).
    if (response.status === 204) return null;
    throw new ApiError('The shop sent an unexpected answer. Please try again.', response.status);
  }
  return data;
}

/** GET /api/products → [{id, name, price, description, imageUrl}] */
export function getProducts() {
  return request('GET', '/api/products');
}

/** POST /api/checkout → {orderId, url} */
export function startCheckout({ items, email }, idempotencyKey) {
  return request('POST', '/api/checkout', {
    body: { items, email },
    headers: { 'Idempotency-Key': idempotencyKey },
    timeoutMs: 30000,
  });
}

/** GET /api/checkout/sessions/{id} → {orderId, status} */
export function getCheckoutSession(sessionId) {
  return request('GET', `/api/checkout/sessions/${encodeURIComponent(sessionId)}`);
}

/** GET /api/orders/{id} → {orderId, status, email, currency, total, items, createdAt, paidAt} */
export function getOrder(orderId) {
  return request('GET', `/api/orders/${encodeURIComponent(orderId)}`);
}

// ---------- accounts ----------
// Every change under /api/account must send a JSON body (the api's same-origin rule refuses anything an HTML form
// could send), so even sign-out posts {}.

/** GET /api/account → {email, role, verified, createdAt}; ApiError 401 when signed out. */
export function getAccount() {
  return request('GET', '/api/account');
}

/** POST /api/account/signup → 202 {status: "verification_sent"}, the same for every address. */
export function signUp(email, password) {
  return request('POST', '/api/account/signup', { body: { email, password } });
}

/** POST /api/account/verify → the account; the answer sets the session cookie. */
export function verifyEmail(token) {
  return request('POST', '/api/account/verify', { body: { token } });
}

/** POST /api/account/signin → the account; the answer sets the session cookie. */
export function signIn(email, password) {
  return request('POST', '/api/account/signin', { body: { email, password } });
}

/** POST /api/account/signout → 204; the answer clears the session cookie. */
export function signOut() {
  return request('POST', '/api/account/signout', { body: {} });
}

/** GET /api/account/orders → {orders: [order…], nextCursor: string|null}, newest first. */
export function getAccountOrders(cursor) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return request('GET', `/api/account/orders${query}`);
}

/** POST /api/account/password-reset → 202, the same for every address. */
export function requestPasswordReset(email) {
  return request('POST', '/api/account/password-reset', { body: { email } });
}

/** POST /api/account/password-reset/confirm → 204. */
export function confirmPasswordReset(token, password) {
  return request('POST', '/api/account/password-reset/confirm', { body: { token, password } });
}

/** POST /api/account/password → 204; 403 for a wrong current password, 422 for a weak new one. */
export function changePassword(currentPassword, newPassword) {
  return request('POST', '/api/account/password', { body: { currentPassword, newPassword } });
}

/** DELETE /api/account → 204; 403 for a wrong password. */
export function deleteAccount(password) {
  return request('DELETE', '/api/account', { body: { password } });
}

/** A random key for Idempotency-Key; crypto.randomUUID needs a secure context, so fall back to getRandomValues. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
