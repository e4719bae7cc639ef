import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as idb from 'lib0/indexeddb';

/** How long to wait for the local store before treating it as damaged. */
export const LOCAL_LOAD_TIMEOUT_MS = 5000;

const STORE_NAMES_KEY = 'dagsorden.stores';
const DAMAGED_KEY = 'dagsorden.damagedStores';

/** An agenda's Y.Doc, loaded from this machine's IndexedDB and kept saved there. */
export interface LocalDocument {
  ydoc: Y.Doc;
  persistence: IndexeddbPersistence;
  /** Set when the local store was damaged and has been put aside: the doc starts empty and is filled from the server. */
  recoveredFrom: string | null;
}

function storeNames(): Record<string, string> {
  try {
    const value = JSON.parse(localStorage.getItem(STORE_NAMES_KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The IndexedDB database that holds agenda `id` on this machine. */
export function storeName(id: string): string {
  return storeNames()[id] ?? `dagsorden-${id}`;
}

/** Puts a damaged store aside (it is kept, not deleted) and gives the agenda a fresh one. */
function setAside(id: string, damaged: string): void {
  const names = storeNames();
  names[id] = `dagsorden-${id}-${Date.now().toString(36)}`;
  localStorage.setItem(STORE_NAMES_KEY, JSON.stringify(names));
  let list: unknown = [];
  try {
    list = JSON.parse(localStorage.getItem(DAMAGED_KEY) ?? '[]');
  } catch {
    /* a damaged list of damaged stores starts again */
  }
  const entries = Array.isArray(list) ? list : [];
  entries.push({ id, store: damaged, at: new Date().toISOString() });
  localStorage.setItem(DAMAGED_KEY, JSON.stringify(entries));
}

/**
 * Reads every stored update of store `name` and applies it to a scratch doc. Resolves to
 * true when all of them apply, false when a record is damaged or the store cannot be read.
 * (y-indexeddb has no error event: on a damaged record it throws inside its own promise
 * chain and never reports "synced", so the records are checked here first.)
 */
async function storeIsReadable(name: string): Promise<boolean> {
  let db: IDBDatabase | null = null;
  try {
    db = await idb.openDB(name, (created) => idb.createStores(created, [['updates', { autoIncrement: true }], ['custom']]));
    const [updates] = idb.transact(db, ['updates'], 'readonly');
    const records = (await idb.getAll(updates!)) as unknown[];
    const scratch = new Y.Doc();
    try {
      for (const record of records) {
        if (!(record instanceof Uint8Array)) return false;
        Y.applyUpdate(scratch, record);
      }
    } finally {
      scratch.destroy();
    }
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Loads agenda `id` from IndexedDB into `ydoc` (new, or holding a just-created agenda) and
 * keeps it saved there. The editor must be created only after this resolves. A damaged
 * store, or one that does not answer within `timeoutMs`, is put aside (kept, not deleted)
 * and the agenda starts from `ydoc` as it is, to be filled from the server.
 */
export async function openLocalDocument(id: string, ydoc: Y.Doc = new Y.Doc(), timeoutMs = LOCAL_LOAD_TIMEOUT_MS): Promise<LocalDocument> {
  const name = storeName(id);
  const readable = await within(storeIsReadable(name), timeoutMs, false);
  let recoveredFrom: string | null = null;
  if (!readable) {
    setAside(id, name);
    recoveredFrom = name;
  }
  const persistence = new IndexeddbPersistence(storeName(id), ydoc);
  // The fresh store gets a wait of its own.
  const loaded = await within(persistence.whenSynced.then(() => true), timeoutMs, false);
  if (!loaded) {
    await persistence.destroy().catch(() => {});
    throw new Error('Den lokale lagring (IndexedDB) svarer ikke. Luk andre vinduer med Dagsorden og prøv igen.');
  }
  return { ydoc, persistence, recoveredFrom };
}

/** `promise`'s value, or `fallback` when it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
