// Exact references for bench/peers.mjs: NPV as an exact rational and IRR
// roots to 1e-60, in BigInt arithmetic (no dependencies), and the distance
// of any implementation's answer from them.
//
// Numbers are fixed point with 70 decimals. Inputs are read as the decimals
// they are written as (a JS number by its shortest round-trip text, as our
// core reads it: 0.1 is 1/10, not the double nearest it); an implementation's
// answer is read exactly (a double by its binary value, our decimal string
// by its digits).

const DIGITS = 70n;
const SCALE = 10n ** DIGITS;

/** Numerator and denominator (a power of ten) of decimal text, exponent allowed. */
function rational(text) {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let numerator = BigInt(`${whole}${fraction}` || '0');
  let denominator = 10n ** BigInt(fraction.length);
  const e = Number(exponent);
  if (e >= 0) numerator *= 10n ** BigInt(e);
  else denominator *= 10n ** BigInt(-e);
  return [sign === '-' ? -numerator : numerator, denominator];
}

/** An input as fixed point: a number by its shortest text, a string by its digits. */
export function fixed(value) {
  const [numerator, denominator] = rational(String(value));
  return (numerator * SCALE) / denominator;
}

/** A double's exact binary value as fixed point (truncated at 1e-70). */
function fixedDouble(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const magnitude = exponent >= 0
    ? mantissa * (1n << BigInt(exponent)) * SCALE
    : (mantissa * SCALE) / (1n << BigInt(-exponent));
  return negative ? -magnitude : magnitude;
}

/** An answer as fixed point: a decimal string by its digits, a number by its binary value. */
export function answer(value) {
  return typeof value === 'string' ? fixed(value) : fixedDouble(value);
}

const abs = (x) => (x < 0n ? -x : x);

/** Fixed point as a float (enough for an error or a display). */
export const toNumber = (x) => Number(x) / 1e70;

/** Fixed point as decimal text with `places` decimals (truncated). */
export function toText(x, places = 50) {
  const negative = x < 0n;
  const digits = abs(x).toString().padStart(Number(DIGITS) + 1, '0');
  const whole = digits.slice(0, -Number(DIGITS));
  const fraction = digits.slice(-Number(DIGITS)).slice(0, places);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** `sum flows[t] / (1+rate)^t`, t from 0, exactly, as fixed point. */
export function referenceNpv(rate, flows) {
  const [p, q] = rational(String(rate));
  // 1/(1+rate)^t = q^t / (q+p)^t: over the common denominator (q+p)^(n-1).
  const n = flows.length;
  const terms = flows.map((flow) => rational(String(flow)));
  const flowDenominator = terms.reduce((lcm, [, d]) => (d > lcm ? d : lcm), 1n); // powers of ten
  let numerator = 0n;
  terms.forEach(([a, d], t) => {
    numerator += a * (flowDenominator / d) * q ** BigInt(t) * (q + p) ** BigInt(n - 1 - t);
  });
  const denominator = flowDenominator * (q + p) ** BigInt(n - 1);
  return (numerator * SCALE) / denominator;
}

/** The future value `sum flows[t] x^(n-1-t)` at fixed point x (Horner). */
function futureValue(coefficients, x) {
  let value = 0n;
  for (const a of coefficients) value = (value * x) / SCALE + a;
  return value;
}

/**
 * Every rate r with 1 + r in (0.001, 1000) at which the NPV changes sign,
 * each to within 1e-60: a scan of 4,000 points spaced evenly in log(1 + r),
 * then bisection. (A root where the NPV touches zero without crossing is
 * not found; none of the benchmark's flows has one.)
 */
export function referenceRoots(flows) {
  const coefficients = flows.map(fixed);
  const points = 4000;
  const grid = Array.from({ length: points + 1 }, (_, i) => fixed((10 ** (-3 + (6 * i) / points)).toPrecision(17)));
  const sign = (x) => {
    const v = futureValue(coefficients, x);
    return v === 0n ? 0 : v > 0n ? 1 : -1;
  };
  const roots = [];
  let previous = sign(grid[0]);
  for (let i = 1; i < grid.length; i += 1) {
    const current = sign(grid[i]);
    if (current === 0) {
      roots.push(grid[i] - SCALE);
    } else if (previous !== 0 && current !== previous) {
      let [low, high] = [grid[i - 1], grid[i]];
      const lowSign = previous;
      while (high - low > 10n ** (DIGITS - 62n)) {
        const middle = (low + high) / 2n;
        if (sign(middle) === lowSign) low = middle;
        else high = middle;
      }
      roots.push((low + high) / 2n - SCALE);
    }
    previous = current;
  }
  return roots;
}

/** |answer - reference|, or relative to |reference| when `relative` (and it is not 0). */
export function distance(value, reference, relative = false) {
  const difference = abs(answer(value) - reference);
  return relative && reference !== 0n ? Number((difference * 10n ** 30n) / abs(reference)) / 1e30 : toNumber(difference);
}
