import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPathSyntaxError, parseJsonPath, readJsonPath } from './json-path.js';

const read = (value: unknown, path: string): unknown => readJsonPath(value, parseJsonPath(path));

describe('parseJsonPath and readJsonPath', () => {
  const response = {
    data: [{ id: 7, person: { id: 'p1' } }],
    'odd key': { 'Customer ID': 'cus_1' },
    answers: [
      { field: { type: 'short_text', ref: 'name' }, text: 'Ada' },
      { field: { type: 'nps', ref: 'nps_score' }, number: 9 },
      { field: { type: 'nps', ref: 'second' }, number: 3 },
    ],
  };

  it('reads dotted keys, indexes from either end, quoted keys and the root', () => {
    expect(read(response, 'data[0].person.id')).toBe('p1');
    expect(read(response, '$.data[-1].id')).toBe(7);
    expect(read(response, '["odd key"]["Customer ID"]')).toBe('cus_1');
    expect(read([1, 2], '$')).toEqual([1, 2]);
    expect(read([1, 2], '$[1]')).toBe(2);
  });

  it('picks the first element a filter matches, compared as text', () => {
    expect(read(response, 'answers[field.type=nps].number')).toBe(9);
    expect(read(response, 'answers[field.ref="second"].number')).toBe(3);
    expect(read({ list: [{ n: 5, v: 'five' }] }, 'list[n=5].v')).toBe('five');
    expect(read(response, 'answers[field.type=rating].number')).toBeUndefined();
  });

  it('is undefined for anything missing, and never reaches the prototype', () => {
    expect(read(response, 'data[3].id')).toBeUndefined();
    expect(read(response, 'data.id')).toBeUndefined();
    expect(read({}, 'constructor')).toBeUndefined();
    expect(read({}, 'toString')).toBeUndefined();
    expect(read({ a: {} }, 'a.__proto__')).toBeUndefined();
    expect(read({ a: null }, 'a.b')).toBeUndefined();
    // null is a value: the mapping reads it as an empty field.
    expect(read({ a: null }, 'a')).toBeNull();
  });

  it('names the path and the character where it goes wrong', () => {
    expect(() => parseJsonPath('data[0')).toThrow(
      new JsonPathSyntaxError('path "data[0", at character 7: expected "]"'),
    );
    expect(() => parseJsonPath('a..b')).toThrow(/at character 3: expected a key/);
    expect(() => parseJsonPath('a["b]')).toThrow(/unterminated quoted key/);
    expect(() => parseJsonPath('$x')).toThrow(/expected "." or "\[" after "\$"/);
  });

  it('reads back any plain key of an object', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.jsonValue(), (key, value) => {
        expect(read({ [key]: value }, `[${JSON.stringify(key)}]`)).toEqual(value);
      }),
    );
  });
});
