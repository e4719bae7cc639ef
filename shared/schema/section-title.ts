import { Node, mergeAttributes } from '@tiptap/core';
import { backspaceAtTitleStart, deleteAtHeadingEnd, enterInSectionTitle } from '../agenda/heading-keys';

/** The title of a section, plain text in node content so concurrent edits merge per character. */
export const SectionTitle = Node.create({
  name: 'sectionTitle',
  content: 'text*',
  marks: '',
  defining: true,
  addKeyboardShortcuts() {
    const run = (command: typeof enterInSectionTitle) => () => command(this.editor.state, this.editor.view.dispatch);
    return {
      Enter: run(enterInSectionTitle),
      Backspace: run(backspaceAtTitleStart),
      Delete: run(deleteAtHeadingEnd),
    };
  },
  parseHTML() {
    return [{ tag: 'h1[data-type="section-title"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { 'data-type': 'section-title' }), 0];
  },
});
