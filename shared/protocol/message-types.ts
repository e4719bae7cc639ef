/**
 * Top-level message types on the sync websocket. 0 and 1 are the y-websocket protocol
 * (y-protocols sync and awareness); 10 is Dagsorden's own confirmation. Anything else is
 * refused by the server.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  /**
   * Server → client, after the server has stored updates from that client: the server
   * document's snapshot (`Y.encodeSnapshot`: state vector and delete set). The client
   * compares it with its own to know that everything it wrote is saved on the server
   * (y-websocket itself has no acknowledgement).
   */
  SavedState: 10,
} as const;

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];
