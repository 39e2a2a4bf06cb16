/**
 * What `@cskit/connectors/stripe`, `./zendesk`, `./hubspot`, `./csv-file` and `./mocks/node` resolve to outside Node (a browser
 * bundle): they hold secret keys or serve HTTP, so their code is published only under the `node`
 * condition, and importing them anywhere else fails loudly here instead of shipping a key handler to
 * browsers.
 *
 * @packageDocumentation
 */
throw new Error(
  '@cskit/connectors: this entry point runs only in Node (it uses secret keys, serves HTTP or reads files on worker threads); import it from server code, never from a browser bundle',
);
