import { Node, mergeAttributes } from '@tiptap/core';
import { backspaceAtTitleStart, deleteAtHeadingEnd, enterInItemTitle } from '../agenda/heading-keys';

/** The title of an item, plain text in node content so concurrent edits merge per character. */
export const ItemTitle = Node.create({
  name: 'itemTitle',
  content: 'text*',
  marks: '',
  defining: true,
  addKeyboardShortcuts() {
    const run = (command: typeof enterInItemTitle) => () => command(this.editor.state, this.editor.view.dispatch);
    return {
      Enter: run(enterInItemTitle),
      Backspace: run(backspaceAtTitleStart),
      Delete: run(deleteAtHeadingEnd),
    };
  },
  parseHTML() {
    return [{ tag: 'h2[data-type="item-title"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes, { 'data-type': 'item-title' }), 0];
  },
});
