/**
 * The version of the document schema (shared/schema). Raise it whenever a node or mark type
 * is added, removed or changes meaning: a client with an older schema would delete node
 * types it does not know for everyone, so the server refuses clients that are behind.
 */
export const SCHEMA_VERSION = 1;

/** Query parameter in which a client sends its schema version when connecting. */
export const SCHEMA_VERSION_PARAM = 'schema';
