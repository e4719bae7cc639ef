/**
 * WebSocket close codes the sync server uses, shared by server and clients.
 *
 * 4000–4399 are errors a client may retry after (the server or the connection had a
 * problem); 4400–4499 are refusals that will not go away by retrying (wrong token,
 * outdated client, no access), so clients stop reconnecting and tell the user why.
 */
export const CloseCode = {
  /** A frame could not be decoded, or had an unknown message type. */
  MalformedMessage: 4000,
  /** The server could not persist an update; nothing from it was relayed as saved. */
  StorageFailure: 4001,
  /** A frame exceeded the maximum frame size. */
  FrameTooLarge: 4002,
  /** The document would exceed the maximum document size. */
  DocumentTooLarge: 4003,
  /** Too many awareness entries from one connection. */
  TooManyAwarenessEntries: 4004,
  /** Too many connections from one address. */
  TooManyConnections: 4005,
  /** The server is shutting down; reconnect later. */
  ServerShutdown: 4006,
  /** The token is missing, wrong or was revoked. Do not retry. */
  Unauthorized: 4401,
  /** The user has no access to this agenda, or it does not exist. Do not retry. */
  Forbidden: 4403,
  /** The agenda was deleted. Do not retry. */
  AgendaGone: 4410,
  /** The client's schema version is older than the server's. Update the app. */
  OutdatedClient: 4426,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** The name of a close code, for log lines. */
export function closeCodeName(code: number): string {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name;
  return `code ${code}`;
}
