import { fromDecimalString, SCALE } from '../../billing/money.js';

/**
 * Formats exact decimal amounts for people: the currency's symbol and minor digits
 * (`$7,000.00`, `€12.50`, `¥1,200`), rounded half away from zero at the last shown digit,
 * grouped by thousands, with no float anywhere.
 */
export function formatMoney(amount: string, currency: string): string {
  const style = currencyStyle(currency);
  const scaled = fromDecimalString(amount) ?? 0n;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const divisor = 10n ** BigInt(SCALE - style.digits);
  const rounded = (magnitude + divisor / 2n) / divisor;
  const text = rounded.toString().padStart(style.digits + 1, '0');
  const whole = groupThousands(text.slice(0, text.length - style.digits));
  const fraction = style.digits > 0 ? `.${text.slice(text.length - style.digits)}` : '';
  const sign = negative && rounded !== 0n ? '-' : '';
  return `${sign}${style.prefix}${whole}${fraction}${style.suffix}`;
}

/**
 * A price per unit of usage (a rate, not a sum, so a double is fine): four decimals from one
 * unit up, four significant digits below (`$6.2963`, `$0.0004123`).
 */
export function formatUnitPrice(perUnit: string, currency: string): string {
  const style = currencyStyle(currency);
  const value = Number(perUnit);
  const magnitude = Math.abs(value);
  const digits =
    magnitude >= 1 || magnitude === 0
      ? magnitude.toFixed(4)
      : String(Number(magnitude.toPrecision(4)));
  const sign = value < 0 ? '-' : '';
  return `${sign}${style.prefix}${digits}${style.suffix}`;
}

/** A share as a percentage with one decimal (`46.7%`). */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

interface CurrencyStyle {
  readonly prefix: string;
  readonly suffix: string;
  readonly digits: number;
}

const styles = new Map<string, CurrencyStyle>();

/** Symbol placement and minor digits of a currency, as `en-US` writes it. */
function currencyStyle(currency: string): CurrencyStyle {
  const cached = styles.get(currency);
  if (cached) return cached;
  let style: CurrencyStyle;
  try {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    const parts = format.formatToParts(1);
    const number = parts.findIndex((part) => part.type === 'integer');
    const textOf = (list: Intl.NumberFormatPart[]): string =>
      list
        .filter((part) => part.type === 'currency' || part.type === 'literal')
        .map((part) => part.value)
        .join('');
    style = {
      prefix: textOf(parts.slice(0, number)),
      suffix: textOf(parts.slice(number)),
      digits: format.resolvedOptions().maximumFractionDigits ?? 2,
    };
  } catch {
    style = { prefix: '', suffix: ` ${currency}`, digits: 2 };
  }
  if (currency === 'XXX') style = { prefix: '', suffix: ' (no currency)', digits: 2 };
  styles.set(currency, style);
  return style;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
