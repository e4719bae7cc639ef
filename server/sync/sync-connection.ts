/** The sync core's view of one client connection; the websocket layer implements it. */
export interface SyncConnection {
  /** A label for log lines (e.g. the remote address). */
  readonly label: string;
  /** Whether this client may change documents. */
  readonly readOnly: boolean;
  /** Who is connected (the user the token belongs to). */
  readonly userId: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
