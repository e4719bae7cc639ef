import { isValidAgendaId } from '../../../shared/agenda/agenda-id';
import type { AgendaSummary } from '../../../shared/protocol/agenda-api';

/** An agenda known on this machine: what the start screen lists when offline. */
export interface LocalAgenda extends AgendaSummary {
  /** Whether the server knows this agenda (false for one created offline, until registered). */
  registered: boolean;
  /** ISO timestamp of when it was last opened here ("" if never). */
  openedAt: string;
}

const KEY = 'dagsorden.agendas';

/** The agendas known on this machine; a damaged list reads as empty (and is rebuilt as agendas are opened). */
export function loadLocalAgendas(storage: Storage = localStorage): LocalAgenda[] {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter((entry): entry is LocalAgenda => typeof entry === 'object' && entry !== null && isValidAgendaId((entry as LocalAgenda).id));
  } catch {
    return [];
  }
}

/** Adds or updates the entry of one agenda. */
export function rememberAgenda(entry: Partial<LocalAgenda> & { id: string }, storage: Storage = localStorage): LocalAgenda {
  const all = loadLocalAgendas(storage);
  const index = all.findIndex((a) => a.id === entry.id);
  const merged: LocalAgenda = {
    title: '', committee: '', meetingDate: '', updatedAt: new Date().toISOString(), registered: false, openedAt: '',
    ...(index >= 0 ? all[index] : {}),
    ...entry,
  };
  if (index >= 0) all[index] = merged;
  else all.push(merged);
  storage.setItem(KEY, JSON.stringify(all));
  return merged;
}

/** The local entry of one agenda, if known. */
export function localAgenda(id: string, storage: Storage = localStorage): LocalAgenda | undefined {
  return loadLocalAgendas(storage).find((a) => a.id === id);
}
