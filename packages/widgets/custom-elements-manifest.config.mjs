// Reads the JSDoc tags on each element class (@summary, @csspart, @cssproperty, @event, @slot, @since)
// and writes custom-elements.json: the source of Storybook's API tables and editors' completions.
// `scripts/check-manifest.mjs` (run by `lint`) checks the result.
import path from 'node:path';

/**
 * The elements register themselves with `defineElement('cs-…', Class)` (src/internal/define-element.ts),
 * which the analyzer does not know: it would see only the `customElements.define(tag, …)` inside the
 * helper, a bogus definition named "tag". This plugin records a definition for each
 * `defineElement('cs-…', Class)` call instead, and drops the helper's.
 */
function defineElementPlugin() {
  const calls = [];
  return {
    name: 'cskit-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, elementClass] = node.arguments;
      if (tag && ts.isStringLiteral(tag) && elementClass && ts.isIdentifier(elementClass)) {
        calls.push({ moduleDoc, tag: tag.text, className: elementClass.text });
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      if (moduleDoc.path !== 'src/internal/define-element.ts') return;
      moduleDoc.exports = moduleDoc.exports?.filter((exported) => exported.kind !== 'custom-element-definition');
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { moduleDoc, tag, className } of calls) {
        // Point at the module that declares the class (the entry module only imports and re-exports it).
        const declaring = customElementsManifest.modules.find((module) =>
          module.declarations?.some((declaration) => declaration.kind === 'class' && declaration.name === className),
        );
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: declaring?.path ?? moduleDoc.path },
          },
        ];
      }
    },
  };
}

/**
 * The analyzer reads src/**.ts, but only dist/ is published: point every module path and module
 * reference at the built file as consumers import it (`src/kpi/kpi.ts` → `dist/kpi/kpi.js`), and make
 * relative and root-relative references (`./kpi-data.js`, `/src/…`) package-relative like the rest.
 * Runs last, after the analyzer's own link phase.
 */
function distPathsPlugin() {
  const toDist = (file) => file.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  function rewrite(node, modulePath) {
    if (Array.isArray(node)) {
      for (const item of node) rewrite(item, modulePath);
    } else if (node !== null && typeof node === 'object') {
      if (typeof node.module === 'string') {
        const ref = node.module.startsWith('.')
          ? path.posix.join(path.posix.dirname(modulePath), node.module)
          : node.module;
        node.module = toDist(ref);
      }
      for (const value of Object.values(node)) rewrite(value, modulePath);
    }
  }
  return {
    name: 'cskit-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        rewrite([module.declarations, module.exports], module.path);
        module.path = toDist(module.path);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementPlugin(), distPathsPlugin()],
};
