import { Node, mergeAttributes } from '@tiptap/core';
import { backspaceIntoItemHead, deleteAtHeadingEnd, enterInCaseLine } from '../agenda/heading-keys';

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
  addKeyboardShortcuts() {
    const run = (command: typeof enterInCaseLine) => () => command(this.editor.state, this.editor.view.dispatch);
    return {
      Enter: run(enterInCaseLine),
      // Also handles Backspace at the start of the first body block (it goes back into the case line).
      Backspace: run(backspaceIntoItemHead),
      Delete: run(deleteAtHeadingEnd),
    };
  },
  parseHTML() {
    return [{ tag: 'p[data-type="case-line"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'case-line' }), 0];
  },
});
