import { Node, mergeAttributes } from '@tiptap/core';
import { insertSection } from '../agenda/section-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    section: {
      /** Inserts an empty section after the current one and puts the cursor in its title. */
      insertSection: () => ReturnType;
    };
  }
}

/**
 * An agenda section ("3. Regionalpolitiske sager"): a title and its items. A section may
 * have no items (KKR agendas keep empty standing sections such as "4. Udpegninger").
 * Its number is derived from its position, never stored.
 */
export const Section = Node.create({
  name: 'section',
  content: 'sectionTitle item*',
  defining: true,
  isolating: true,
  addCommands() {
    return {
      insertSection: () => ({ state, dispatch }) => insertSection(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-Enter': () => this.editor.commands.insertSection(),
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-type="section"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'section' }), 0];
  },
});
