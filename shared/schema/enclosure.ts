import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';
import { toggleEnclosure } from '../agenda/body-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    enclosure: {
      /** Makes the paragraph at the cursor an enclosure marker ("./.") or a paragraph again; elsewhere inserts one. */
      toggleEnclosure: () => ReturnType;
    };
  }
}

/**
 * An enclosure marker: a paragraph that names one enclosure (bilag), shown with "./." in
 * the left margin. `attachment` will refer to the attached file; null until one is linked.
 */
export const Enclosure = Node.create({
  name: 'enclosure',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      attachment: {
        default: null,
        parseHTML: (element) => elementAttribute(element, 'data-attachment'),
        renderHTML: (attributes) => (attributes.attachment ? { 'data-attachment': attributes.attachment } : {}),
      },
    };
  },
  addCommands() {
    return {
      toggleEnclosure: () => ({ state, dispatch }) => toggleEnclosure(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-.': () => this.editor.commands.toggleEnclosure(),
    };
  },
  parseHTML() {
    return [{ tag: 'p[data-type="enclosure"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'enclosure' }), 0];
  },
});
