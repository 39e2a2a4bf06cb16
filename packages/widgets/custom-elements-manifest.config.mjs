// Reads the JSDoc tags on each element class (@summary, @csspart, @cssproperty, @event, @slot, @since)
// and writes custom-elements.json: the source of Storybook's API tables and editors' completions.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
