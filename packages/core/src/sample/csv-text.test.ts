import { describe, expect, it } from 'vitest';
import { quoteCsvField, toCsv } from './csv-text.js';

describe('toCsv', () => {
  it('writes a header and one line per record, in the given column order', () => {
    const text = toCsv(
      [
        { a: '1', b: '2' },
        { b: '4', a: '3' },
      ],
      { columns: ['b', 'a'] },
    );
    expect(text).toBe('b,a\n2,1\n4,3\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const text = toCsv([{ name: 'Smith, Lee & Partners', note: 'say "hi"\r\nbye', plain: 'x' }], { newline: '\r\n' });
    expect(text).toBe('name,note,plain\r\n"Smith, Lee & Partners","say ""hi""\r\nbye",x\r\n');
  });

  it('takes the columns from every record when none are given, and leaves missing values empty', () => {
    expect(toCsv([{ a: '1' }, { b: '2' }, { a: undefined, b: '3' }])).toBe('a,b\n1,\n,2\n,3\n');
  });

  it('quotes only when needed', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('')).toBe('');
    expect(quoteCsvField('a"b')).toBe('"a""b"');
  });
});
