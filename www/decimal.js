// Exact decimal text helpers for the form: the page shows ratios as
// percentages, the model takes fractions, and neither should pass through
// binary floating point on the way.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Whether `text` is a decimal of the model's grammar: sign, digits, optional point and digits. */
export function isDecimal(text) {
  return DECIMAL.test(text);
}

/**
 * Moves the decimal point of `text` by `places` (positive: right, i.e.
 * multiply by 10^places), exactly, returning normalised text ("12.5", "0.125",
 * "-99"). Text that is not a decimal is returned unchanged, so that the
 * model reports it.
 */
export function shiftPoint(text, places) {
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  const magnitude = decimals ? `${integer}.${decimals}` : integer;
  return sign === '-' && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

/**
 * What a reader typed, made into the model's grammar where the intent is
 * clear: spaces and thousands separators dropped, a typographic minus made
 * ASCII. Anything else is left for the model to refuse.
 */
export function cleanNumber(typed) {
  return typed.trim().replace(/[\s,]/g, '').replace(/^\u2212/, '-');
}
