// Checks the built custom-elements.json as consumers get it (run after `build`, as part of `lint`):
// - every module path, and every module a reference points at, is a file in the published package;
// - each element has a `custom-element-definition`, and every definition is a `cs-` tag
//   whose declaration is a class in the manifest with that tag.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TAGS = [
  'cs-churn-chart',
  'cs-nps-trend',
  'cs-health-card',
  'cs-mrr-bridge',
  'cs-cohort-heatmap',
  'cs-kpi',
  'cs-customer-list',
];

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));

// The files `npm publish` would ship (the `files` field plus what npm always includes).
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const shipped = new Set(pack.files.map((file) => file.path));

const problems = [];

/** Every `module` of a reference (declaration, superclass, inheritedFrom, mixin, type) below `node`. */
function* references(node) {
  if (Array.isArray(node)) {
    for (const item of node) yield* references(item);
  } else if (node !== null && typeof node === 'object') {
    if (typeof node.module === 'string') yield node.module;
    for (const value of Object.values(node)) yield* references(value);
  }
}

for (const module of manifest.modules) {
  if (!shipped.has(module.path)) problems.push(`module ${module.path} is not in the published package`);
  for (const ref of new Set(references([module.declarations, module.exports]))) {
    const resolved = ref.startsWith('.') ? path.posix.join(path.posix.dirname(module.path), ref) : ref;
    if (!shipped.has(resolved)) {
      problems.push(`${module.path} refers to module ${ref}, which is not in the published package`);
    }
  }
}

const classes = manifest.modules.flatMap((module) =>
  module.declarations.filter((declaration) => declaration.kind === 'class'),
);
const definitions = manifest.modules.flatMap((module) =>
  (module.exports ?? [])
    .filter((exported) => exported.kind === 'custom-element-definition')
    .map((definition) => ({ ...definition, from: module.path })),
);

for (const definition of definitions) {
  if (!definition.name.startsWith('cs-')) {
    problems.push(`${definition.from} defines "${definition.name}", which is not a cs- tag`);
    continue;
  }
  const klass = classes.find((candidate) => candidate.name === definition.declaration?.name);
  if (klass?.tagName !== definition.name) {
    problems.push(
      `${definition.from} defines <${definition.name}> as ${definition.declaration?.name}, ` +
        `but that class is ${klass ? `tagged <${klass.tagName}>` : 'not in the manifest'}`,
    );
  }
}
for (const tag of TAGS) {
  if (!definitions.some((definition) => definition.name === tag)) problems.push(`no definition of <${tag}>`);
}

if (problems.length > 0) {
  console.error(`custom-elements.json has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`custom-elements.json: ${manifest.modules.length} modules shipped, ${definitions.length} definitions.`);
