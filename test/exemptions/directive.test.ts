import { describe, expect, test } from 'vitest';
import { parseDirective } from '../../src/exemptions/directive.js';

describe('parseDirective', () => {
  test.each([
    {
      name: 'keys, a quoted reason, bare owner and date',
      text: ' CostCenter Owner reason="legacy, see the plan" owner=team-a expires=2027-01-31',
      expected: {
        keys: ['CostCenter', 'Owner'],
        reason: 'legacy, see the plan',
        owner: 'team-a',
        expires: '2027-01-31',
        problems: [],
      },
    },
    {
      name: 'attributes in any order, escaped quotes kept',
      text: ' expires=2027-01-31 * owner=x reason="say \\"no\\""',
      expected: {
        keys: ['*'],
        reason: 'say "no"',
        owner: 'x',
        expires: '2027-01-31',
        problems: [],
      },
    },
    {
      name: 'nothing at all',
      text: '',
      expected: {
        keys: [],
        problems: [
          'it names no tag key; list the keys it exempts, or *',
          'it has no reason, no owner, no expires',
        ],
      },
    },
  ])('$name', ({ text, expected }) => {
    expect(parseDirective(text)).toEqual(expected);
  });
});
