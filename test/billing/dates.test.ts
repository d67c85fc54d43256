import { describe, expect, test } from 'vitest';
import { addDays, dayFromUnixSeconds, parseChargeDay } from '../../src/billing/dates.js';

describe('parseChargeDay', () => {
  test.each([
    ['ISO with Z', '2026-11-01T05:00:00Z', '2026-11-01'],
    ['ISO with milliseconds', '2026-11-01T05:00:00.000Z', '2026-11-01'],
    ['FOCUS sample form without zone (UTC)', '2024-09-18 22:00:00', '2024-09-18'],
    ['a bare date', '2026-11-30', '2026-11-30'],
    ['an offset that moves to the previous UTC day', '2026-11-01T01:00:00+02:00', '2026-10-31'],
    ['an offset that moves to the next UTC day', '2026-11-01T23:00:00-08:00', '2026-11-02'],
    ['a zero offset', '2026-11-01T23:00:00+00:00', '2026-11-01'],
    ['GCP text with UTC', '2026-11-02 00:00:00 UTC', '2026-11-02'],
    ['Azure MM/DD/YYYY', '11/01/2026', '2026-11-01'],
    ['Azure M/D/YYYY', '9/2/2023', '2023-09-02'],
    ['FOCUS spec M/D/YY', '4/1/25', '2025-04-01'],
    ['a US date with time', '11/01/2026 00:00:00', '2026-11-01'],
  ])('reads %s', (_name, text, day) => {
    expect(parseChargeDay(text)).toBe(day);
  });

  test.each([
    ['month 13', '2026-13-01'],
    ['February 30', '2026-02-30'],
    ['a word', 'yesterday'],
    ['empty', ''],
    ['day 32 in US form', '01/32/2026'],
  ])('refuses %s', (_name, text) => {
    expect(parseChargeDay(text)).toBeNull();
  });

  test('reads Unix seconds and counts days across month ends', () => {
    expect(dayFromUnixSeconds(1793491200)).toBe('2026-11-01');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
