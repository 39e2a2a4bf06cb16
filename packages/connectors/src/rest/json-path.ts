/**
 * One step of a {@link JsonPath}: an object key, an array index (negative counts from the end), or the
 * first array element whose value at `path` equals `equals` (as text).
 */
export type JsonPathStep =
  { readonly key: string } | { readonly index: number } | { readonly where: JsonPath; readonly equals: string };

/** A parsed path into a JSON value; the empty path is the value itself. */
export type JsonPath = readonly JsonPathStep[];

/** A path that cannot be parsed; its message quotes the path and says where it goes wrong. */
export class JsonPathSyntaxError extends Error {
  override readonly name = 'JsonPathSyntaxError';
}

const NAME = /^[A-Za-z_$][\w$-]*/;

/**
 * Parses cskit's small dotted-path language, which covers what survey and ticketing APIs nest their
 * fields in without pulling in a JSONPath engine:
 *
 * - `person_properties.customer_id`: keys separated by dots (`$` alone, or a leading `$.`, is the root);
 * - `items[0]`, `items[-1]`: array indexes, negative from the end;
 * - `properties["Customer ID"]`: keys that are not plain names, in double quotes (JSON string escapes);
 * - `answers[field.ref=nps_score].number`: the first element whose value at a path equals a text
 *   (`[field.ref="a b"]` quotes it).
 *
 * Keys are read as own properties only: `constructor` or `__proto__` never reach the prototype.
 *
 * @throws JsonPathSyntaxError naming the path and the position of the problem.
 */
export function parseJsonPath(text: string): JsonPath {
  const parser = new PathParser(text);
  const path = parser.path(false);
  parser.end();
  return path;
}

class PathParser {
  private at = 0;

  constructor(private readonly text: string) {}

  path(inFilter: boolean): JsonPathStep[] {
    const steps: JsonPathStep[] = [];
    const text = this.text;
    if (!inFilter && (text === '$' || text === '')) {
      this.at = text.length;
      return steps;
    }
    if (!inFilter && text.startsWith('$')) {
      this.at = 1;
      if (text[1] === '.') this.at = 2;
      else if (text[1] !== '[') this.fail('expected "." or "[" after "$"');
      if (text[1] === '[') return this.rest(steps, inFilter);
    }
    if (text[this.at] !== '[') steps.push({ key: this.name() });
    return this.rest(steps, inFilter);
  }

  end(): void {
    if (this.at !== this.text.length) this.fail('unexpected text');
  }

  private rest(steps: JsonPathStep[], inFilter: boolean): JsonPathStep[] {
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (inFilter && (char === '=' || char === ']')) break;
      if (char === '.') {
        this.at += 1;
        steps.push({ key: this.name() });
      } else if (char === '[') {
        this.at += 1;
        steps.push(this.bracket());
      } else this.fail('expected "." or "["');
    }
    return steps;
  }

  private bracket(): JsonPathStep {
    const text = this.text;
    let step: JsonPathStep;
    const index = /^-?\d+/.exec(text.slice(this.at));
    if (text[this.at] === '"') step = { key: this.quoted() };
    else if (index !== null) {
      this.at += index[0].length;
      step = { index: Number(index[0]) };
    } else {
      const where = this.path(true);
      if (text[this.at] !== '=') this.fail('expected an index, a "quoted key" or a filter such as [field.ref=nps]');
      this.at += 1;
      const equals = text[this.at] === '"' ? this.quoted() : this.bare();
      step = { where, equals };
    }
    if (text[this.at] !== ']') this.fail('expected "]"');
    this.at += 1;
    return step;
  }

  private name(): string {
    const match = NAME.exec(this.text.slice(this.at));
    if (match === null) this.fail('expected a key (letters, digits, _, $ or -; quote others as ["…"])');
    this.at += match[0].length;
    return match[0];
  }

  private bare(): string {
    const match = /^[^\]"]+/.exec(this.text.slice(this.at));
    if (match === null) this.fail('expected the value to compare with');
    this.at += match[0].length;
    return match[0];
  }

  private quoted(): string {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(this.text.slice(this.at));
    if (match === null) this.fail('unterminated quoted key');
    this.at += match[0].length;
    try {
      return JSON.parse(match[0]) as string;
    } catch {
      return this.fail('bad escape in a quoted key');
    }
  }

  private fail(reason: string): never {
    throw new JsonPathSyntaxError(`path "${this.text}", at character ${this.at + 1}: ${reason}`);
  }
}

/**
 * The value at `path` in `value`, or `undefined` when any step is missing (a key that is not an own
 * property, an index out of range, no element matching a filter).
 */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const step of path) {
    if ('key' in step) {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, step.key)) return undefined;
      current = (current as Record<string, unknown>)[step.key];
    } else if ('index' in step) {
      if (!Array.isArray(current)) return undefined;
      current = current.at(step.index);
    } else {
      if (!Array.isArray(current)) return undefined;
      current = current.find((element) => textOf(readJsonPath(element, step.where)) === step.equals);
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** A scalar as the text a filter compares with; objects and arrays never match. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
