/** Thrown (and so rejected in the renderer) when main refuses an IPC call: a foreign sender or malformed arguments. */
export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}
