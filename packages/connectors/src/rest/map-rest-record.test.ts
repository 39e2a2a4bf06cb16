import { describe, expect, it } from 'vitest';
import { mapRestRecord } from './map-rest-record.js';
import { parseRestMapping, RestMappingError, type RestMappingSpec } from './rest-mapping.js';

const SPEC: RestMappingSpec = {
  version: 1,
  entity: 'csat',
  request: { url: 'https://api.example.com/v2/ratings', auth: { env: 'EXAMPLE_TOKEN' } },
  records: 'data',
  id: 'id',
  fields: {
    date: { path: 'rated_at', transform: 'unix-seconds-date' },
    score: { path: 'rating', values: { great: '5', good: '4', bad: '1' } },
    customer_id: { path: 'account.external_id', optional: true },
    ticket_id: { path: 'ticket', transform: 'integer' },
    plan_amount: { path: 'amount_cents', transform: 'minor-units', optional: true },
  },
  pagination: { type: 'cursor', cursor: 'meta.next', param: 'cursor' },
};

describe('mapRestRecord', () => {
  const mapping = parseRestMapping(SPEC);

  it('reads each field at its path and transforms it; unknown fields change nothing', () => {
    // 1714521600 = 2024-05-01T00:00:00Z: still 30 April in New York (UTC−4).
    const raw = {
      id: 'r1',
      rated_at: 1714521600,
      rating: 'good',
      account: { external_id: 'acme' },
      ticket: '0042',
      amount_cents: 4905,
      extra: { x: 1 },
    };
    expect(mapRestRecord(raw, mapping, 'America/New_York', 'ratings')).toEqual({
      kind: 'record',
      id: 'r1',
      record: {
        date: '2024-04-30',
        score: '4',
        customer_id: 'acme',
        ticket_id: '42',
        response_id: 'r1',
        plan_amount: '49.05',
      },
    });
  });

  it('writes minor units exactly: 5 cents, negative amounts, no decimals for exponent 0', () => {
    const amounts = parseRestMapping({
      ...SPEC,
      fields: { ...SPEC.fields, yen: { path: 'yen', transform: 'minor-units', exponent: 0 } },
    });
    const raw = { id: 'r2', rated_at: 0, rating: 'bad', ticket: 1, amount_cents: -5, yen: 1200 };
    const mapped = mapRestRecord(raw, amounts, 'UTC', 'ratings');
    expect(mapped.kind === 'record' && [mapped.record['plan_amount'], mapped.record['yen']]).toEqual(['-0.05', '1200']);
  });

  it('names the record by id and each field it cannot map; a null is an empty field, not a missing one', () => {
    const raw = { id: 9, rated_at: 'yesterday', rating: 'meh', account: null };
    expect(mapRestRecord(raw, mapping, 'UTC', 'ratings')).toEqual({
      kind: 'invalid',
      issues: [
        {
          source: 'ratings',
          id: '9',
          field: 'date',
          value: 'yesterday',
          reason: 'rated_at must be a Unix time in seconds',
        },
        {
          source: 'ratings',
          id: '9',
          field: 'score',
          value: 'meh',
          reason: 'rating is not one of "great", "good", "bad"',
        },
        { source: 'ratings', id: '9', field: 'ticket_id', value: '', reason: 'the record has no ticket' },
      ],
    });
    const withoutId = mapRestRecord({ rated_at: 0, rating: 'good', ticket: 1 }, mapping, 'UTC', 'ratings');
    expect(withoutId.kind === 'invalid' && withoutId.issues).toEqual([
      { source: 'ratings', id: '(a record without id)', field: 'id', value: '', reason: 'the record has no id at id' },
    ]);
  });
});

describe('parseRestMapping', () => {
  it('lists every mistake, each naming its key', () => {
    const bad = {
      version: 2,
      entity: 'invoices',
      request: { url: 'ftp://x', auth: { env: 'has space', scheme: 'digest' }, timeout: 5 },
      records: 'data[',
      id: 'id',
      fields: { date: { path: 'd', transform: 'cents2' } },
      pagination: { type: 'cursor', param: '' },
    };
    let error: unknown;
    try {
      parseRestMapping(bad, 'acme.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RestMappingError);
    expect((error as RestMappingError).problems).toEqual([
      'version: must be 1',
      'entity: must be one of nps, csat, tickets, customers',
      'request.timeout: unknown key (known: url, query, auth)',
      'request.url: must start with http:// or https://',
      'request.auth.env: must name an environment variable (the secret is read from it, never written here)',
      'request.auth.scheme: must be bearer, basic or raw',
      'records: path "data[", at character 6: expected a key (letters, digits, _, $ or -; quote others as ["…"])',
      'fields.date.transform: unknown transform "cents2" (known: string, integer, date, timestamp, unix-seconds-date, unix-ms-date, unix-seconds-timestamp, minor-units, boolean, uppercase)',
      'pagination.cursor: must be a path such as "data" or "person.id"',
      'pagination.param: must name a query parameter',
    ]);
  });

  it('requires the fields core requires for the entity', () => {
    expect(() => parseRestMapping({ ...SPEC, entity: 'nps', fields: { date: 'd' } })).toThrow(
      'fields.score: is required for nps',
    );
  });
});
