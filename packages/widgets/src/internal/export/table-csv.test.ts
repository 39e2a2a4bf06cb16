import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { TableSpec } from '../chart/data-table.js';
import { tableCsv } from './table-csv.js';

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe('tableCsv', () => {
  it('writes a header row, then the rows, with CRLF line ends and raw numbers', () => {
    const spec: TableSpec = {
      caption: 'Churn',
      columns: ['Period', 'Rate', 'MRR'],
      rows: [
        [
          { label: 'March 2025', raw: '2025-03' },
          { value: 0.0252, style: 'percent', maxDigits: 2 },
          { value: 1234.5, style: 'currency', currency: 'EUR', maxDigits: 2 },
        ],
        [
          { label: 'April 2025', raw: '2025-04' },
          { value: null, style: 'percent', maxDigits: 2 },
          { value: -468.79, style: 'currency', currency: 'EUR', maxDigits: 2, signed: true },
        ],
      ],
    };
    // Numbers as the report JSON has them: no "%", no currency sign, no grouping, "." decimals.
    expect(tableCsv(spec)).toBe('Period,Rate,MRR\r\n2025-03,0.0252,1234.5\r\n2025-04,,-468.79\r\n');
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 asks, and a CSV parser reads them back', () => {
    const spec: TableSpec = {
      caption: '',
      columns: ['Name', 'Note'],
      rows: [
        ['Acme, Inc.', 'said "no"'],
        ['two\nlines', 'cr\rlf'],
      ],
    };
    const csv = tableCsv(spec);
    expect(csv).toBe('Name,Note\r\n"Acme, Inc.","said ""no"""\r\n"two\nlines","cr\rlf"\r\n');
    expect(parse(csv)).toEqual([
      ['Name', 'Note'],
      ['Acme, Inc.', 'said "no"'],
      ['two\nlines', 'cr\rlf'],
    ]);
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, never a negative number', () => {
    const spec: TableSpec = {
      caption: '',
      columns: ['Customer', 'Amount'],
      rows: [
        ['=HYPERLINK("http://evil")', { value: -5, style: 'decimal', maxDigits: 0 }],
        ['+1+1', { value: 1, style: 'decimal', maxDigits: 0 }],
        ['@SUM(A1)', { value: 2, style: 'decimal', maxDigits: 0 }],
        [
          { label: 'x', raw: '-cmd' },
          { value: 3, style: 'decimal', maxDigits: 0 },
        ],
      ],
    };
    expect(parse(tableCsv(spec)).slice(1)).toEqual([
      ['\'=HYPERLINK("http://evil")', '-5'],
      ["'+1+1", '1'],
      ["'@SUM(A1)", '2'],
      ["'-cmd", '3'],
    ]);
  });

  it('never writes a number in exponent notation', () => {
    const spec: TableSpec = {
      caption: '',
      columns: ['v'],
      rows: [[{ value: 1e-7, style: 'percent', maxDigits: 2 }], [{ value: 2.5e21, style: 'decimal', maxDigits: 0 }]],
    };
    expect(parse(tableCsv(spec)).slice(1)).toEqual([['0.0000001'], ['2500000000000000000000']]);
  });
});
