import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

// The repository README shows users how to compute churn with the core and prints the result in a
// comment. This runs that exact snippet, so the README cannot drift from what the code does.
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function coreSnippet(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined || !block.includes("from '@cskit/core'")) throw new Error('README has no core ts example');
  return block;
}

describe('README core example', () => {
  it('prints what its comment says', () => {
    const snippet = coreSnippet();
    const expected = /\/\/ (\[\[.*\]\])\s*$/.exec(snippet.trim())?.[1];
    expect(expected).toBeDefined();
    const body = snippet
      .replace(/import \{([^}]*)\} from '@cskit\/core';/, 'const {$1} = core;')
      .replace(/console\.log\(/g, 'printed.push(');
    const printed: unknown[] = [];
    // The snippet is plain JavaScript (no type annotations), so it runs as a function body.
    new Function('core', 'printed', body)(core, printed);
    expect(printed).toEqual([JSON.parse((expected ?? '').replaceAll("'", '"'))]);
  });
});
