import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The recommendation. Either one paragraph ("Det indstilles, at KKR … til efterretning"),
 * or a lead paragraph ("Det indstilles,") followed by a list of "at …" clauses.
 */
export const Indstilling = Node.create({
  name: 'indstilling',
  content: 'paragraph bulletList?',
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'div[data-type="indstilling"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'indstilling' }), 0];
  },
});
