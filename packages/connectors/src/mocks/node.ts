/**
 * `@cskit/connectors/mocks/node` (Node only): the mock APIs of `@cskit/connectors/mocks` served over
 * real HTTP on loopback, for code in another process (`cskit sync … --base-url`).
 *
 * @packageDocumentation
 */
export { serveHandlers, type MockServer, type ServeHandlersOptions } from './serve-handlers.js';
export { serveStripeMock, type ServeStripeMockOptions } from './stripe/serve-stripe-mock.js';
export { serveZendeskMock, type ServeZendeskMockOptions } from './zendesk/serve-zendesk-mock.js';
export { serveHubSpotMock, type ServeHubSpotMockOptions } from './hubspot/serve-hubspot-mock.js';
export { serveDelightedMock, type ServeDelightedMockOptions } from './delighted/serve-delighted-mock.js';
export { serveTypeformMock, type ServeTypeformMockOptions } from './typeform/serve-typeform-mock.js';
