// Writes package.json's version into src/internal/version.ts. `changeset version` bumps package.json
// but runs no scripts, so the root `release` script runs this before building (see docs/contributing.md);
// src/internal/version.test.ts fails while the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const file = path.join(root, 'src/internal/version.ts');
const source = readFileSync(file, 'utf8');
const pattern = /(export const WIDGETS_VERSION = )'[^']*';/;
if (!pattern.test(source)) throw new Error(`${file} has no \`export const WIDGETS_VERSION = '…';\``);
const updated = source.replace(pattern, `$1'${version}';`);
if (updated !== source) writeFileSync(file, updated);
console.log(`WIDGETS_VERSION = '${version}'${updated === source ? ' (unchanged)' : ''}`);
