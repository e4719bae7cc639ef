/** Names of the shared types inside an agenda's Y.Doc. */
export const DocumentField = {
  /** The Y.XmlFragment that holds the agenda body (sections, items, text). */
  Body: 'body',
  /** The Y.Map that holds the meeting facts (committee, kind, date, time, place). */
  Meeting: 'meeting',
} as const;
