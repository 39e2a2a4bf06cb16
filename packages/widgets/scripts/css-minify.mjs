// The CSS minifier behind scripts/minify-css.mjs, apart from it so a browser test can run it on every
// element's styles (src/internal/css-minify.test.ts). No Node APIs here.

/**
 * Minifies one CSS text (a literal part of a css`…` template; expressions are not passed in). It does not
 * trim: a part may end in the space that separates a value from the expression after it.
 */
export function minifyCss(text) {
  let out = '';
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else if (/\s/.test(char)) {
      while (i < text.length && /\s/.test(text[i])) i += 1;
      out += ' ';
    } else {
      out += char;
      i += 1;
    }
  }
  // The string pass above already joined whitespace; now drop the spaces punctuation makes redundant,
  // outside quotes (split keeps the quoted parts at odd indices).
  return out
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/ +/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':'),
    )
    .join('');
}

/**
 * Minifies every css`…` template of a module's source. Expressions (`${…}`) are copied as they are,
 * with nested braces and template literals inside them skipped over.
 */
export function minifyCssTemplates(source) {
  let out = '';
  let i = 0;
  const tag = /\bcss\s*`/g;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    out += source.slice(i, match.index + match[0].length);
    let j = match.index + match[0].length;
    let literal = '';
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        literal += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        out += minifyCss(literal);
        literal = '';
        const end = expressionEnd(source, j + 2);
        out += source.slice(j, end);
        j = end;
      } else {
        literal += source[j];
        j += 1;
      }
    }
    out += `${minifyCss(literal)}\``;
    i = j + 1;
    tag.lastIndex = i;
  }
  return out + source.slice(i);
}

/** The index just past the `}` that closes an expression whose body starts at `start`. */
function expressionEnd(source, start) {
  let depth = 1;
  let j = start;
  while (j < source.length && depth > 0) {
    const char = source[j];
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === '`' || char === '"' || char === "'") {
      j += 1;
      while (j < source.length && source[j] !== char) j += source[j] === '\\' ? 2 : 1;
    }
    j += 1;
  }
  return j;
}
