import { Node } from '@tiptap/core';

/** The agenda body: one or more sections, in order. Numbering is derived from this order. */
export const AgendaDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'section+',
});
