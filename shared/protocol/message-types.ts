/**
 * Top-level message types on the sync websocket. 0 and 1 are the y-websocket protocol
 * (y-protocols sync and awareness); everything else is refused by the server.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
} as const;

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];
