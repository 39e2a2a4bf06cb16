/**
 * `@cskit/connectors/rest-mapping` (browser-safe: no credentials, no I/O): the declarative REST mapping
 * — checking a `mapping.json`, the dotted paths it uses, and mapping one JSON record to a canonical one.
 * The sync itself is in `@cskit/connectors/rest`.
 *
 * @packageDocumentation
 */
export { JsonPathSyntaxError, parseJsonPath, readJsonPath, type JsonPath, type JsonPathStep } from './json-path.js';
export {
  parseRestMapping,
  REST_TRANSFORMS,
  RestMappingError,
  type RestAuth,
  type RestCheck,
  type RestField,
  type RestFieldSpec,
  type RestMapping,
  type RestMappingSpec,
  type RestPagination,
  type RestTransform,
} from './rest-mapping.js';
export { mapRestRecord, type MappedRestRecord } from './map-rest-record.js';
export { REST_ENTITIES, REST_ENTITY_FILES, type RestEntity, type RestEntityFile } from './rest-entities.js';
