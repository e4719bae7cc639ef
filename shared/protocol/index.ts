export * from './close-codes';
export * from './document-fields';
export * from './ipc-contract';
export * from './message-types';
export * from './schema-version';
export * from './saved-state';
export * from './agenda-api';
export * from './limits';
