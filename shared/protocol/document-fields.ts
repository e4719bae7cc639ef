/** Names of the shared types inside an agenda's Y.Doc. */
export const DocumentField = {
  /** The Y.XmlFragment that holds the agenda body (sections, items, text). */
  Body: 'body',
  /** The Y.Map that holds the meeting facts (committee, kind, date, time, place). */
  Meeting: 'meeting',
  /** The Y.Map that tells where copied text went, so that concurrent typing is not lost (shared/rescue). */
  Forwarding: 'forwarding',
  /** The Y.Map that tells which characters a split or an undo copied within the text (shared/rescue/char-copies.ts). */
  CopiedChars: 'copied-chars',
} as const;
