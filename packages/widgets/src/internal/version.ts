/** The version of @cskit/widgets, kept in step with package.json by a test. */
export const WIDGETS_VERSION = '0.1.0';
