import { describe, expect, it } from 'vitest';
import type { Customer } from '../model/customer.js';
import type { SubscriptionLine } from '../model/subscription-line.js';
import type { CustomerFacts } from './customer-facts.js';
import { segmentCustomers } from './segment-customers.js';
import { checkSegmentRulesJson, segmentRulesFromJson } from './segment-rules-json.js';
import { assignSegments } from './segment-rules.js';

const population = { activeCustomers: 20, medianMrr: 100000, mrrPercentile: (p: number) => (p === 50 ? 100000 : null) };
const facts = (overrides: Partial<CustomerFacts>): CustomerFacts => ({
  customerId: 'x',
  customer: undefined,
  attributes: {},
  mrr: 50000,
  mrrShareAtOrAbove: 0.5,
  seatUtilisation: null,
  monthsSinceExpansion: null,
  population,
  ...overrides,
});

const RULES = {
  version: 1,
  rules: [
    { segment: 'strategic', when: { attributes: { tier: ['strategic', 'key'] } } },
    { segment: 'large', when: { mrr: { atLeast: 1000 } } },
    {
      segment: 'growing',
      when: { any: [{ seatUtilisation: { atLeast: 0.9 } }, { monthsSinceExpansion: { below: 2 } }] },
    },
    { segment: 'upper', when: { mrrAtLeastPercentile: 50, not: { attributes: { name: 'Test Co' } } } },
    { segment: 'other' },
  ],
};

describe('segmentRulesFromJson', () => {
  const rules = segmentRulesFromJson(RULES, { currency: 'USD' });
  const segment = (overrides: Partial<CustomerFacts>): string | null =>
    assignSegments([facts(overrides)], rules).get('x') ?? null;

  it('builds rules that assign the first matching segment', () => {
    const customer = (attributes: Record<string, string>, name?: string): Customer => ({
      customerId: 'x',
      attributes,
      ...(name === undefined ? {} : { name }),
    });
    expect(segment({ customer: customer({ tier: 'key' }) })).toBe('strategic');
    // MRR 1,000.00 = 100000 cents: at the bound → large; 999.99 → not
    expect(segment({ mrr: 100000 })).toBe('large');
    // 999.99 is below the median (1,000.00) too, so nothing matches until "other"
    expect(segment({ mrr: 99999 })).toBe('other');
    // utilisation 0.8 + 0.1 = 0.9000000000000001 rounds to 0.9 → growing; 0.89 → not
    expect(segment({ seatUtilisation: 0.8 + 0.1 })).toBe('growing');
    expect(segment({ seatUtilisation: 0.89 })).toBe('other');
    expect(segment({ monthsSinceExpansion: 1 })).toBe('growing');
    expect(segment({ monthsSinceExpansion: 2 })).toBe('other');
  });

  it('compares MRR in the currency’s major units: JPY has none', () => {
    const yen = segmentRulesFromJson(
      { rules: [{ segment: 'large', when: { mrr: { atLeast: 1000 } } }] },
      { currency: 'JPY' },
    );
    expect(assignSegments([facts({ mrr: 1000 })], yen).get('x')).toBe('large');
    expect(assignSegments([facts({ mrr: 999 })], yen).get('x')).toBeNull();
  });

  it('segments a dataset with the default thresholds changed', () => {
    // 10 customers of 100.00 … 1,000.00: with vipShare 0.2 the top 2 (900, 1000) are vip; median 550:
    // 600, 700, 800 are core, the rest secondary.
    const subscriptions: SubscriptionLine[] = Array.from({ length: 10 }, (_, i) => ({
      customerId: `c${i + 1}`,
      startDate: '2024-01-01',
      amountMinor: (i + 1) * 10000,
      currency: 'USD',
      interval: 'month',
      intervalCount: 1,
      quantity: 1,
      isTrial: false,
    }));
    const rules = segmentRulesFromJson({ thresholds: { vipShare: 0.2 } });
    const { segments } = segmentCustomers({ subscriptions }, { asOf: '2024-01-31', rules });
    expect(Array.from({ length: 10 }, (_, i) => segments.get(`c${i + 1}`))).toEqual([
      'secondary',
      'secondary',
      'secondary',
      'secondary',
      'secondary',
      'core',
      'core',
      'core',
      'vip',
      'vip',
    ]);
  });

  it('rejects what it does not understand, naming the rule and the path', () => {
    const bad = (json: unknown): string => {
      try {
        checkSegmentRulesJson(json);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(bad([])).toBe('Segment rules must be an object with a rules array or thresholds');
    expect(bad({ rules: [] })).toBe('rules must be a non-empty array');
    expect(bad({ rule: [] })).toBe('Unknown segment rules property "rule" (expected rules or thresholds)');
    expect(bad({ rules: [{ segment: 'a' }], thresholds: {} })).toBe(
      'Segment rules need either a rules array or thresholds, not both or neither',
    );
    expect(bad({ rules: [{ segment: '' }] })).toBe('Segment rule 0: segment must be a non-empty string, got ""');
    expect(bad({ rules: [{ segment: 'a', when: { mrr: { atleast: 5 } } }] })).toBe(
      'Segment rule 0 ("a"): when.mrr: unknown bound "atleast" (expected atLeast, above, atMost, below)',
    );
    expect(bad({ rules: [{ segment: 'a', when: { seats: { atLeast: 5 } } }] })).toMatch(
      /^Segment rule 0 \("a"\): when: unknown condition "seats" \(expected one of mrr, /,
    );
    expect(bad({ rules: [{ segment: 'a', when: { mrr: { atLeast: '5' } } }] })).toBe(
      'Segment rule 0 ("a"): when.mrr.atLeast must be a finite number, got "5"',
    );
    expect(bad({ rules: [{ segment: 'a', when: { any: [{ attributes: { tier: [] } }] } }] })).toBe(
      'Segment rule 0 ("a"): when.any[0].attributes.tier must be a string or a non-empty list of strings',
    );
    expect(bad({ rules: [{ segment: 'a', where: {} }] })).toBe('Segment rule 0 ("a"): unknown property "where"');
    expect(bad({ thresholds: { vipshare: 0.1 } })).toMatch(/^Unknown threshold "vipshare"/);
    expect(bad({ thresholds: { vipShare: 2 } })).toBe('vipShare must be from 0 to 1, got 2');
    expect(bad(RULES)).toBe('accepted');
    // mrr bounds need the currency to mean anything
    expect(() => segmentRulesFromJson(RULES)).toThrow(/give the currency/);
  });
});
