import { Node, mergeAttributes } from '@tiptap/core';

/** The title of an item, plain text in node content so concurrent edits merge per character. */
export const ItemTitle = Node.create({
  name: 'itemTitle',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'h2[data-type="item-title"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes, { 'data-type': 'item-title' }), 0];
  },
});
