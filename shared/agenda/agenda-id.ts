/**
 * Agenda ids are the document names on the sync server and in local storage: lowercase
 * letters, digits and dashes, 3–64 characters (a UUID fits). They appear in URLs and paths,
 * so nothing else is accepted.
 */
export function isValidAgendaId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]{2,63}$/.test(id);
}
