/** The version of @cskit/widgets: written from package.json by scripts/sync-version.mjs, checked by version.test.ts. */
export const WIDGETS_VERSION = '0.1.0';
