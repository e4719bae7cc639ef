/**
 * Limits the sync server enforces, shared so clients can stay within them. A connection
 * that breaks one is closed with the close code named beside it; other connections to the
 * same agenda are not affected.
 *
 * Measured: a large agenda (60 items, each with Baggrund, Sagsfremstilling with three
 * paragraphs and a list, Indstilling and an enclosure; three sections) is 169 KB as one Yjs
 * update (`Y.encodeStateAsUpdate`). The largest frame a client sends is its whole state,
 * once, when it syncs an agenda it created offline.
 */
export const Limits = {
  /**
   * Largest websocket frame a client may send: 4 MiB, about 24× the measured large agenda
   * (close code FrameTooLarge). The `ws` default of 100 MiB would let one client make the
   * server buffer that much.
   */
  maxFrameBytes: 4 * 1024 * 1024,
  /**
   * Largest stored size of one agenda, as one Yjs update: 16 MiB, about 100× the measured
   * large agenda (close code DocumentTooLarge for the connection whose update would pass it).
   */
  maxDocumentBytes: 16 * 1024 * 1024,
  /**
   * Awareness entries (Yjs client ids) one connection may announce. A page has one per open
   * document; a few more allow for a client that recreates its document without reconnecting
   * (close code TooManyAwarenessEntries).
   */
  maxAwarenessEntriesPerConnection: 8,
  /** Open websockets from one address (close code TooManyConnections). */
  maxConnectionsPerAddress: 64,
} as const;

/** The limits as numbers, for a server configured with other values. */
export type SyncLimits = { -readonly [K in keyof typeof Limits]: number };
