// Money helpers. Amounts travel as decimal strings ("19.99") and are only ever
// added or multiplied as integer minor units (cents); floats never touch money.

/** The currency the product list is priced in (the API's checkout.currency, "usd" by default). */
export const SHOP_CURRENCY = 'usd';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * "19.99" → 1999, "14" → 1400, "9.5" → 950. Extra decimals are accepted only when
 * they are zeros ("14.000"); anything else is rejected rather than rounded.
 */
export function toCents(value) {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`not a money amount: ${value}`);
  }
  // A number is only accepted when it is a whole amount; its text form is then exact.
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new RangeError(`not a money amount: ${value}`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(2))) {
    throw new RangeError(`more than two decimals: ${value}`);
  }
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`amount too large: ${value}`);
  }
  return sign && cents !== 0 ? -cents : cents;
}

/** Quantity × unit price, both integers. */
export function multiplyCents(cents, quantity) {
  const result = cents * quantity;
  if (!Number.isSafeInteger(result)) {
    throw new RangeError('amount too large');
  }
  return result;
}

const currencies = new Map();

/** The symbol (e.g. "$", "€", "CHF ") and the number of decimals usually shown for a currency. */
function currencyInfo(code) {
  const key = String(code || SHOP_CURRENCY).toUpperCase();
  let info = currencies.get(key);
  if (!info) {
    try {
      const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: key });
      const parts = format.formatToParts(0);
      const firstDigit = parts.findIndex((part) => part.type === 'integer');
      const prefix = parts.slice(0, firstDigit).map((part) => part.value).join('');
      info = {
        prefix: prefix.replace(/\u00a0/g, ' '),
        digits: format.resolvedOptions().maximumFractionDigits,
      };
    } catch {
      info = { prefix: `${key} `, digits: 2 };
    }
    currencies.set(key, info);
  }
  return info;
}

/** 123456 → "$1,234.56" (integer arithmetic only). */
export function formatCents(cents, currency = SHOP_CURRENCY) {
  if (!Number.isSafeInteger(cents)) {
    return '—';
  }
  const { prefix, digits } = currencyInfo(currency);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = digits === 0 && fraction === 0 ? '' : `.${String(fraction).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${prefix}${grouped}${decimals}`;
}

/** Formats a decimal string straight from the API, e.g. "37.50" → "$37.50". */
export function formatAmount(decimal, currency = SHOP_CURRENCY) {
  try {
    return formatCents(toCents(decimal), currency);
  } catch {
    return '—';
  }
}
