/**
 * `@cskit/connectors`: brings data from its sources into cskit's canonical model. Each source also has
 * its own entry point (`@cskit/connectors/csv`, `@cskit/connectors/dataset`).
 *
 * @packageDocumentation
 */
export * from './csv/index.js';
export * from './dataset/index.js';
