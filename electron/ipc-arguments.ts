import { IpcRefusal } from './ipc-refusal';

/**
 * Checks of untrusted IPC arguments. A malformed call is a programming error or an attack,
 * never something a user did, so it is refused with IpcRefusal (the renderer's promise
 * rejects) rather than answered.
 */

/** Refuses unless exactly `count` arguments were passed. */
export function expectArgumentCount(operation: string, args: unknown[], count: number): void {
  if (args.length !== count) {
    throw new IpcRefusal(count === 0 ? `${operation} tager ingen argumenter` : `${operation} tager ${count} argument${count === 1 ? '' : 'er'}, fik ${args.length}`);
  }
}

/** The argument as a plain object with exactly the keys `required` (and possibly `optional`), or a refusal. */
export function expectRecord(operation: string, value: unknown, required: string[], optional: string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new IpcRefusal(`${operation}: argumentet skal være et objekt`);
  }
  const keys = Object.keys(value);
  const missing = required.filter((key) => !keys.includes(key));
  const unknown = keys.filter((key) => !required.includes(key) && !optional.includes(key));
  if (missing.length > 0) throw new IpcRefusal(`${operation}: mangler ${missing.join(', ')}`);
  if (unknown.length > 0) throw new IpcRefusal(`${operation}: ukendte felter ${unknown.join(', ')}`);
  return value as Record<string, unknown>;
}

/** Refuses unless `value` is a boolean. */
export function expectBoolean(operation: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new IpcRefusal(`${operation}: ${name} skal være true eller false`);
  return value;
}

/** Refuses unless `value` is a string of 1..max characters. */
export function expectString(operation: string, name: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new IpcRefusal(`${operation}: ${name} skal være en tekst på 1–${max} tegn`);
  }
  return value;
}

/** Refuses unless `value` is bytes (Uint8Array) of 1..max bytes. */
export function expectBytes(operation: string, name: string, value: unknown, max: number): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new IpcRefusal(`${operation}: ${name} skal være bytes (Uint8Array)`);
  if (value.byteLength === 0) throw new IpcRefusal(`${operation}: ${name} er tom`);
  if (value.byteLength > max) throw new IpcRefusal(`${operation}: ${name} er større end ${max} bytes`);
  return value;
}
