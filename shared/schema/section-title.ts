import { Node, mergeAttributes } from '@tiptap/core';

/** The title of a section, plain text in node content so concurrent edits merge per character. */
export const SectionTitle = Node.create({
  name: 'sectionTitle',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'h1[data-type="section-title"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { 'data-type': 'section-title' }), 0];
  },
});
