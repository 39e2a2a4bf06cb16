import { describe, expect, it } from 'vitest';
import { assertTimeZone, dateInTimeZone, parseTimestamp } from './time-zone.js';

const at = (iso: string): number => Date.parse(iso);

describe('dates of instants in a time zone', () => {
  it('moves a UTC evening into the next month in Pacific/Auckland (UTC+13 in summer)', () => {
    // 2024-01-31 11:30 UTC + 13 h = 2024-02-01 00:30 NZDT.
    expect(dateInTimeZone(at('2024-01-31T11:30:00Z'), 'Pacific/Auckland')).toBe('2024-02-01');
    // 10:59 UTC + 13 h = 23:59 on the 31st: still January.
    expect(dateInTimeZone(at('2024-01-31T10:59:00Z'), 'Pacific/Auckland')).toBe('2024-01-31');
    expect(dateInTimeZone(at('2024-01-31T11:30:00Z'), 'UTC')).toBe('2024-01-31');
  });

  it('keeps a UTC morning in the previous month in America/Los_Angeles (UTC−8 in winter)', () => {
    // 2024-03-01 07:59 UTC − 8 h = 2024-02-29 23:59 PST (leap day).
    expect(dateInTimeZone(at('2024-03-01T07:59:00Z'), 'America/Los_Angeles')).toBe('2024-02-29');
    expect(dateInTimeZone(at('2024-03-01T08:00:00Z'), 'America/Los_Angeles')).toBe('2024-03-01');
    // In summer the offset is −7 h: 2024-07-01 06:59 UTC is 23:59 on June 30.
    expect(dateInTimeZone(at('2024-07-01T06:59:00Z'), 'America/Los_Angeles')).toBe('2024-06-30');
  });
});

describe('parseTimestamp', () => {
  it('converts timestamps with an offset to the zone', () => {
    expect(parseTimestamp('2024-03-31T23:30:00+00:00', 'Pacific/Auckland')).toEqual({
      epochMs: at('2024-03-31T23:30:00Z'),
      date: '2024-04-01',
    });
    expect(parseTimestamp('2024-04-01T00:30:00-07:00', 'America/Los_Angeles')?.date).toBe('2024-04-01');
    expect(parseTimestamp('2024-04-01T00:30:00+02:00', 'America/Los_Angeles')?.date).toBe('2024-03-31');
  });

  it('reads a timestamp without an offset as wall time in the zone', () => {
    // 2024-03-31 23:30 NZDT (UTC+13, before the 7 April change) = 10:30 UTC.
    expect(parseTimestamp('2024-03-31T23:30', 'Pacific/Auckland')).toEqual({
      epochMs: at('2024-03-31T10:30:00Z'),
      date: '2024-03-31',
    });
    // 2024-01-31 23:59:59.5 PST = 2024-02-01 07:59:59.5 UTC.
    expect(parseTimestamp('2024-01-31 23:59:59.5', 'America/Los_Angeles')?.epochMs).toBe(
      at('2024-02-01T07:59:59.500Z'),
    );
    expect(parseTimestamp('2024-01-31', 'America/Los_Angeles')).toEqual({
      epochMs: at('2024-01-31T08:00:00Z'),
      date: '2024-01-31',
    });
  });

  it('disambiguates daylight-saving changes like Temporal "compatible"', () => {
    // Los Angeles skipped 02:00–03:00 on 2024-03-10: 02:30 is read with the PST offset = 10:30 UTC.
    expect(parseTimestamp('2024-03-10T02:30', 'America/Los_Angeles')?.epochMs).toBe(at('2024-03-10T10:30:00Z'));
    // Auckland repeated 02:00–03:00 on 2024-04-07: 02:30 is the earlier one, NZDT = 13:30 UTC the day before.
    expect(parseTimestamp('2024-04-07T02:30', 'Pacific/Auckland')?.epochMs).toBe(at('2024-04-06T13:30:00Z'));
  });

  it('rejects what is not ISO 8601', () => {
    for (const text of ['2024-02-30T10:00', '2024-01-01T24:00', '01/02/2024', '2024-01-01T10:00+25:00', 'yesterday']) {
      expect(parseTimestamp(text, 'UTC'), text).toBeUndefined();
    }
  });

  it('names an unknown zone', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });
});
