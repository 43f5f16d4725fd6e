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

/** Digits grouped by thousands with commas: "1,250", "-12,500.5". */
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/**
 * What a reader typed, read as the model's grammar, or refused with the
 * reason, so that no typed text ever becomes a different number:
 * `{text}` when it reads, `{text, problem}` when it does not (`text` is then
 * the trimmed input, which the model refuses too). Surrounding spaces are
 * trimmed and a typographic minus made ASCII; a comma is read only as a
 * thousands separator between groups of three digits ("1,250",
 * "12,500.5"), any other comma is `problem: 'comma'` ("7,17" is not 717);
 * spaces inside the number are `problem: 'space'`; a trailing "%" is read
 * in a percent field (`percent: true`) and is `problem: 'percent'`
 * elsewhere. Anything else is left for the model to refuse.
 */
export function readNumber(typed, { percent = false } = {}) {
  let text = String(typed).trim().replace(/^\u2212/, '-');
  const trimmed = text;
  if (text.endsWith('%')) {
    if (!percent) return { text: trimmed, problem: 'percent' };
    text = text.slice(0, -1).trimEnd();
  }
  if (/\s/.test(text)) return { text: trimmed, problem: 'space' };
  if (text.includes(',')) {
    const grouped = GROUPED.exec(text);
    if (!grouped) return { text: trimmed, problem: 'comma' };
    const [, sign, whole, fraction = ''] = grouped;
    text = `${sign}${whole.replace(/,/g, '')}${fraction}`;
  }
  return { text };
}

/** Decimal text as a scaled integer: "-12.50" -> {units: -1250n, scale: 2}; null if not a decimal. */
function scaled(text) {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** `units / 10^places` as normalised decimal text ("0" never "-0"). */
function unscaled(units, places) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = shiftPoint(digits, -places);
  return negative && text !== '0' ? `-${text}` : text;
}

/** `numerator / denominator` rounded to an integer, half to even (BigInt, denominator non-zero). */
function roundedQuotient(numerator, denominator) {
  const negative = (numerator < 0n) !== (denominator < 0n);
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  let quotient = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * `dividend / divisor` for decimal texts, exactly, rounded half to even to
 * `places` decimals (as the model rounds its outputs), as normalised text;
 * null when either is not a decimal or the divisor is zero. For showing an
 * RMB figure in US$ without passing through binary floating point.
 */
export function divideDecimal(dividend, divisor, places = 9) {
  const [a, b] = [scaled(dividend), scaled(divisor)];
  if (!a || !b || b.units === 0n) return null;
  const numerator = a.units * 10n ** BigInt(b.scale + places);
  const denominator = b.units * 10n ** BigInt(a.scale);
  return unscaled(roundedQuotient(numerator, denominator), places);
}

/** Decimal text rounded to `places` decimals, half away from zero (as Intl.NumberFormat rounds what the page shows). */
export function roundDecimal(text, places = 0) {
  const a = scaled(text);
  if (!a) return null;
  if (a.scale <= places) return shiftPoint(text, 0);
  const divisor = 10n ** BigInt(a.scale - places);
  const magnitude = a.units < 0n ? -a.units : a.units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return unscaled(a.units < 0n ? -rounded : rounded, places);
}

/** `a - b` for decimal texts, exactly, as normalised text; null when either is not a decimal. */
export function subtractDecimal(a, b) {
  const [x, y] = [scaled(a), scaled(b)];
  if (!x || !y) return null;
  const places = Math.max(x.scale, y.scale);
  const align = (value) => value.units * 10n ** BigInt(places - value.scale);
  return unscaled(align(x) - align(y), places);
}
