import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The case line under an item title: the case number, a space, then the caseworkers'
 * initials ("SAG-2024-01875 chbn/jhp"). Kept as one line of text so people edit it like
 * any other text; `splitCaseLine` (shared/agenda) reads the two parts.
 */
export const CaseLine = Node.create({
  name: 'caseLine',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'p[data-type="case-line"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'case-line' }), 0];
  },
});
