/**
 * Exact money: amounts are integers of `10^-SCALE` of a currency unit. A parsed amount is a
 * plain `number` while it is a safe integer (the fast path for billions of rows) and a `bigint`
 * beyond; sums never lose a digit because `MoneySum` moves into a bigint before a double could
 * round.
 */

/** Decimal places kept: billing exports give at most 10 (AWS), so nothing real is rounded. */
export const SCALE = 10;

/** A scaled integer amount: `number` when it is a safe integer, else `bigint`. */
export type ScaledAmount = number | bigint;

const SCALE_FACTOR = 10n ** BigInt(SCALE);
const FLUSH_LIMIT = 2 ** 52;
const POWERS = Array.from({ length: SCALE + 1 }, (_, index) => 10 ** index);

/**
 * Parses a decimal string (`12.5`, `-0.0000008`, `1e-7`, `+3`) into scaled integer units, or
 * returns null when it is not a number. Digits past `SCALE` are rounded half to even.
 */
export function parseAmount(text: string): ScaledAmount | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  const fast = parsePlainDecimal(trimmed);
  if (fast !== undefined) return fast;
  return parseGeneralDecimal(trimmed);
}

/**
 * The common shape `-123.45`: at most 15 significant digits and `SCALE` decimals, computed in
 * doubles without rounding. Returns undefined when the text needs the general parser.
 */
function parsePlainDecimal(text: string): number | undefined {
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    index = 1;
  }
  let whole = 0;
  let digits = 0;
  let sawDigit = false;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) break;
    if (code < 48 || code > 57) return undefined;
    whole = whole * 10 + (code - 48);
    sawDigit = true;
    if (whole !== 0) digits++;
  }
  let fraction = 0;
  let places = 0;
  if (index < text.length) {
    for (index++; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 48 || code > 57) return undefined;
      sawDigit = true;
      if (places === SCALE) {
        if (code !== 48) return undefined;
        continue;
      }
      fraction = fraction * 10 + (code - 48);
      places++;
    }
  }
  if (!sawDigit || digits + SCALE > 15) return undefined;
  const scaled = whole * (POWERS[SCALE] as number) + fraction * (POWERS[SCALE - places] as number);
  return negative && scaled !== 0 ? -scaled : scaled;
}

const GENERAL_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Any decimal with an optional exponent, exact in bigint, rounded half to even past `SCALE`. */
function parseGeneralDecimal(text: string): ScaledAmount | null {
  const match = GENERAL_DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (whole.length === 0 && fraction.length === 0) return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;

  // value = digits * 10^(exponent - fraction.length); we want value * 10^SCALE.
  const digits = BigInt((whole + fraction).replace(/^0+(?=\d)/, '') || '0');
  const shift = exponent - fraction.length + SCALE;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    scaled = roundHalfEven(digits, 10n ** BigInt(-shift));
  }
  return normalize(sign === '-' ? -scaled : scaled);
}

function roundHalfEven(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  const remainder = value % divisor;
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** Brings a bigint back to a `number` when it is safe, so sums take the fast path. */
export function normalize(value: bigint): ScaledAmount {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

/** Converts a JSON number (an API's float) to scaled units through its shortest decimal form. */
export function amountFromJsonNumber(value: number): ScaledAmount | null {
  if (!Number.isFinite(value)) return null;
  return parseAmount(String(value));
}

/** A running exact sum; `add` is allocation-free on the fast path. */
export class MoneySum {
  private small = 0;
  private big = 0n;

  add(amount: ScaledAmount): void {
    if (typeof amount === 'bigint') {
      this.big += amount;
      return;
    }
    this.small += amount;
    if (this.small > FLUSH_LIMIT || this.small < -FLUSH_LIMIT) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }

  addSum(other: MoneySum): void {
    this.big += other.total();
  }

  total(): bigint {
    return this.big + BigInt(this.small);
  }
}

/**
 * Writes scaled units as a plain decimal string with no trailing zeros (`7000`, `-0.0000008`),
 * the form the snapshot stores.
 */
export function toDecimalString(scaled: bigint): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, digits.length - SCALE);
  const fraction = digits.slice(digits.length - SCALE).replace(/0+$/, '');
  const text = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/** Reads a decimal string written by `toDecimalString` (or any decimal) back to scaled units. */
export function fromDecimalString(text: string): bigint | null {
  const parsed = parseAmount(text);
  if (parsed === null) return null;
  return typeof parsed === 'bigint' ? parsed : BigInt(parsed);
}

/** Scaled units of exactly one currency unit. */
export const ONE_UNIT = SCALE_FACTOR;
