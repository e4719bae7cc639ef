import * as Y from 'yjs';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { isValidAgendaId } from './agenda-id';
import { readAgenda } from './ydoc-agenda';

/**
 * A local copy of an agenda ("Gem kopi"): its whole Yjs state, so that opening it later
 * ("Åbn kopi") merges it back without losing or doubling anything. Layout:
 * the magic line "DAGSORDEN-KOPI 1\n", the agenda id and "\n", then the Yjs update.
 */
const MAGIC = 'DAGSORDEN-KOPI 1\n';

/** Thrown for a file that is not a copy of an agenda; the message says why, in Danish. */
export class AgendaCopyError extends Error {
  override name = 'AgendaCopyError';
}

/** The bytes of a copy of agenda `id` as held in `ydoc`. */
export function encodeAgendaCopy(id: string, ydoc: Y.Doc): Uint8Array {
  const header = encodeUtf8(`${MAGIC}${id}\n`);
  const update = Y.encodeStateAsUpdate(ydoc);
  const bytes = new Uint8Array(header.length + update.length);
  bytes.set(header, 0);
  bytes.set(update, header.length);
  return bytes;
}

/**
 * Reads a copy and checks it: the header, the agenda id, and that its state is a valid
 * agenda. Throws AgendaCopyError naming what is wrong.
 */
export function decodeAgendaCopy(bytes: Uint8Array): { id: string; update: Uint8Array } {
  const magic = encodeUtf8(MAGIC);
  if (bytes.length < magic.length || magic.some((byte: number, i: number) => bytes[i] !== byte)) {
    throw new AgendaCopyError('Filen er ikke en kopi af en dagsorden (den er ikke gemt med "Gem kopi").');
  }
  const end = bytes.indexOf(0x0a, magic.length);
  const id = end > 0 ? decodeUtf8(bytes.subarray(magic.length, end)) : '';
  if (!isValidAgendaId(id)) throw new AgendaCopyError('Kopien er beskadiget: dagsordenens id mangler eller er ugyldigt.');
  const update = bytes.subarray(end + 1);
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    readAgenda(scratch);
  } catch (error) {
    throw new AgendaCopyError(`Kopien er beskadiget: ${(error as Error).message}`);
  } finally {
    scratch.destroy();
  }
  return { id, update };
}

/**
 * Merges a copy into the open agenda `id`. A copy of another agenda is refused: merging two
 * different agendas would mix their content.
 */
export function mergeAgendaCopy(id: string, ydoc: Y.Doc, bytes: Uint8Array, origin: unknown = 'agenda-copy'): void {
  const copy = decodeAgendaCopy(bytes);
  if (copy.id !== id) throw new AgendaCopyError('Kopien er af en anden dagsorden end den, der er åben.');
  Y.applyUpdate(ydoc, copy.update, origin);
}
