import { Node, mergeAttributes } from '@tiptap/core';
import { insertIndstilling } from '../agenda/body-commands';
import { enterInIndstilling } from '../agenda/indstilling-keys';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indstilling: {
      /** Inserts an Indstilling ("Det indstilles, at "; with `clauses`, a lead and a list of "at …" clauses). */
      insertIndstilling: (options?: { clauses?: boolean }) => ReturnType;
    };
  }
}

/**
 * The recommendation. Either one paragraph ("Det indstilles, at KKR … til efterretning"),
 * or a lead paragraph ("Det indstilles,") followed by a list of "at …" clauses.
 */
export const Indstilling = Node.create({
  name: 'indstilling',
  content: 'paragraph bulletList?',
  defining: true,
  isolating: true,
  addCommands() {
    return {
      insertIndstilling: (options) => ({ state, dispatch }) => insertIndstilling(options)(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => enterInIndstilling(this.editor.state, this.editor.view.dispatch),
      'Mod-Shift-5': () => this.editor.commands.insertIndstilling(),
      'Mod-Shift-6': () => this.editor.commands.insertIndstilling({ clauses: true }),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="indstilling"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'indstilling' }), 0];
  },
});
