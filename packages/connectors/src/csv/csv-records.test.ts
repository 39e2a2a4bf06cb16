import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, scanCsvRecords } from './csv-records.js';

const source = 'test.csv';

describe('readCsvRecords', () => {
  it('keys each row by the header and numbers rows from the header (row 1)', async () => {
    const table = await readCsvRecords('id,name\n1,Acme\n2,Globex\n', { source });
    expect(table.columns).toEqual(['id', 'name']);
    expect(table.records).toEqual([
      { id: '1', name: 'Acme' },
      { id: '2', name: 'Globex' },
    ]);
    expect(table.issues).toEqual([]);
  });

  it('keeps columns named like Object.prototype members as ordinary own keys', async () => {
    const table = await readCsvRecords('id,__proto__,constructor,toString\n1,a,b,c\n', { source });
    const [record] = table.records;
    expect(Object.keys(record ?? {})).toEqual(['id', '__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('a');
    expect(record?.constructor).toBe('b');
  });

  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', async () => {
    const csv = 'id,name,note\n1,"Smith, Lee & Partners","said ""hi"""\n2,Globex,"two\nlines"\n3,Initech,\n';
    const table = await readCsvRecords(csv, { source });
    expect(table.records).toEqual([
      { id: '1', name: 'Smith, Lee & Partners', note: 'said "hi"' },
      { id: '2', name: 'Globex', note: 'two\nlines' },
      { id: '3', name: 'Initech', note: '' },
    ]);
  });

  it('reads CRLF line endings and a byte order mark, and a last row without a line ending', async () => {
    const table = await readCsvRecords('\uFEFFid,name\r\n1,"a\r\nb"\r\n2,c', { source });
    expect(table.columns).toEqual(['id', 'name']);
    expect(table.records).toEqual([
      { id: '1', name: 'a\r\nb' },
      { id: '2', name: 'c' },
    ]);
  });

  it('gives the same records whatever the chunk boundaries, even inside quotes and CRLF pairs', async () => {
    const csv = 'id,name,note\r\n1,"Smith, Lee","x ""y""\r\nz"\r\n\r\n2,Globex,€\r\n';
    const whole = await readCsvRecords(csv, { source });
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let at = 0; at < csv.length; at += size) chunks.push(csv.slice(at, at + size));
      expect(await readCsvRecords(Readable.from(chunks), { source }), `chunks of ${size}`).toEqual(whole);
    }
    expect(whole.records).toEqual([
      { id: '1', name: 'Smith, Lee', note: 'x "y"\r\nz' },
      {},
      { id: '2', name: 'Globex', note: '€' },
    ]);
  });

  it('keeps blank lines as empty records so that later rows keep their numbers', async () => {
    const table = await readCsvRecords('id\n1\n\n3\n', { source });
    expect(table.records).toEqual([{ id: '1' }, {}, { id: '3' }]);
    expect([...table.skippedRows]).toEqual([3]);
    expect(table.issues).toEqual([]);
  });

  it('reports a row with too few or too many fields, naming file, row, field and value', async () => {
    const csv = 'id,name,plan\n1,Acme,Pro\n2,Globex\n3,Smith, Lee,Pro\n4,Initech,Basic\n';
    const table = await readCsvRecords(csv, { source });
    expect(table.issues).toEqual([
      {
        source,
        row: 3,
        field: 'plan',
        value: '',
        reason: 'the row has 2 fields but the header has 3: a value or a comma is missing',
      },
      {
        source,
        row: 4,
        field: '(row)',
        value: '3,Smith, Lee,Pro',
        reason: 'the row has 4 fields but the header has 3: quote values that contain commas',
      },
    ]);
    expect(table.records).toEqual([
      { id: '1', name: 'Acme', plan: 'Pro' },
      {},
      {},
      { id: '4', name: 'Initech', plan: 'Basic' },
    ]);
    expect([...table.skippedRows]).toEqual([3, 4]);
  });

  it('reports an unclosed quote at the row where it opens', async () => {
    const table = await readCsvRecords('id,name\n1,Acme\n2,"Globex\n3,Initech\n', { source });
    expect(table.issues).toEqual([
      {
        source,
        row: 3,
        field: '(row)',
        value: '2,Globex\n3,Initech\n',
        reason: 'a quoted field is not closed (a `"` is missing)',
      },
    ]);
    expect(table.records).toEqual([{ id: '1', name: 'Acme' }, {}]);
  });

  it('reports an empty file and a column named twice in the header', async () => {
    expect((await readCsvRecords('', { source })).issues).toEqual([
      { source, row: 1, field: '(row)', value: '', reason: 'the file is empty: a header row is required' },
    ]);
    expect((await readCsvRecords('id,name,id\n1,a,1\n', { source })).issues).toEqual([
      { source, row: 1, field: 'id', value: 'id', reason: 'the column appears twice in the header' },
    ]);
  });

  it('ignores columns without a name (a trailing comma in the export)', async () => {
    const table = await readCsvRecords('id,name,\n1,Acme,\n', { source });
    expect(table.records).toEqual([{ id: '1', name: 'Acme' }]);
  });

  it('stops reading once maxIssues rows were bad', async () => {
    const table = await readCsvRecords('a,b\n1\n2\n3\n4,4\n', { source, maxIssues: 2 });
    expect(table.issues.map((i) => i.row)).toEqual([2, 3]);
    expect(table.truncated).toBe(true);
  });
});

describe('scanCsvRecords', () => {
  it('hands the same rows, row numbers and issues to a visitor, in one reused record object', async () => {
    const csv = 'id,name,note\r\n1,"Smith, Lee","x ""y""\r\nz"\r\n\r\n2,Globex\r\n3,Initech,€\r\n';
    const seen: [number, Record<string, string | undefined>][] = [];
    const objects = new Set<object>();
    const table = await scanCsvRecords(
      csv,
      { source },
      {
        record: (record, row) => {
          objects.add(record);
          seen.push([row, { ...record }]);
        },
        reuseRecords: true,
      },
    );
    // Row 3 is blank and row 4 is short (an issue); the quoted line break does not start a row.
    expect(seen).toEqual([
      [2, { id: '1', name: 'Smith, Lee', note: 'x "y"\r\nz' }],
      [5, { id: '3', name: 'Initech', note: '€' }],
    ]);
    expect(objects.size).toBe(1);
    const whole = await readCsvRecords(csv, { source });
    expect(table).toEqual({
      columns: whole.columns,
      skippedRows: whole.skippedRows,
      issues: whole.issues,
      truncated: whole.truncated,
    });
  });
});
