import { describe, expect, test } from 'vitest';
import {
  MoneySum,
  fromDecimalString,
  parseAmount,
  toDecimalString,
} from '../../src/billing/money.js';

const scaled = (text: string): bigint | null => {
  const parsed = parseAmount(text);
  return parsed === null ? null : BigInt(parsed);
};

describe('parseAmount', () => {
  test.each([
    ['a plain amount', '12.5', 125_000_000_000n],
    ['a negative credit', '-1.75', -17_500_000_000n],
    ['a leading plus', '+3', 30_000_000_000n],
    ['a sub-cent FOCUS amount with trailing zeros', '0.00000080000', 8_000n],
    ['ten decimals kept exactly', '0.0000000001', 1n],
    ['an exponent', '1e-7', 1_000n],
    ['an exponent with a fraction', '2.5E3', 25_000_000_000_000n],
    ['more than fifteen digits', '123456789012345.25', 1_234_567_890_123_452_500_000_000n],
    ['rounding half to even past ten decimals (down)', '0.00000000005', 0n],
    ['rounding half to even past ten decimals (up)', '0.00000000015', 2n],
    ['surrounding blanks', ' 7 ', 70_000_000_000n],
    ['negative zero', '-0.00', 0n],
  ])('reads %s', (_name, text, expected) => {
    expect(scaled(text)).toBe(expected);
  });

  test.each([
    ['empty', ''],
    ['a word', 'NULL'],
    ['two points', '1.2.3'],
    ['a lone dot', '.'],
    ['a comma', '1,5'],
  ])('refuses %s', (_name, text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('MoneySum', () => {
  test('adds a million small amounts with no rounding error', () => {
    const sum = new MoneySum();
    for (let index = 0; index < 1_000_000; index++) sum.add(parseAmount('0.1') ?? 0);
    expect(toDecimalString(sum.total())).toBe('100000');
  });

  test('stays exact past the double-precision range by moving into bigint', () => {
    const sum = new MoneySum();
    const big = parseAmount('900000.0000000001') ?? 0;
    for (let index = 0; index < 20_000; index++) sum.add(big);
    expect(toDecimalString(sum.total())).toBe('18000000000.000002');
  });

  test('mixes bigint and number amounts', () => {
    const sum = new MoneySum();
    sum.add(10n ** 30n);
    sum.add(-5);
    expect(sum.total()).toBe(10n ** 30n - 5n);
  });
});

describe('decimal strings', () => {
  test.each([
    [70_000_000_000_000n, '7000'],
    [-17_500_000_000n, '-1.75'],
    [8_000n, '0.0000008'],
    [0n, '0'],
  ])('writes %s as %s and reads it back', (value, text) => {
    expect(toDecimalString(value)).toBe(text);
    expect(fromDecimalString(text)).toBe(value);
  });
});
