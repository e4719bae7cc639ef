import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';
import { SUBHEADING_LABELS, isSubheadingKind, type SubheadingKind } from './subheading-kind';
import { insertSubheading, setSubheadingKind } from '../agenda/body-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    subheading: {
      /** Inserts a standing subheading and an empty paragraph after it, at the cursor. */
      insertSubheading: (kind: SubheadingKind) => ReturnType;
      /** Changes the kind of the subheading at `pos`. */
      setSubheadingKind: (pos: number, kind: SubheadingKind) => ReturnType;
    };
  }
}

/**
 * A standing subheading (Baggrund, Indstilling, Sagsfremstilling, Beslutning). A leaf: its
 * text follows from its kind, so nobody can mistype it and exports can rely on it.
 */
export const Subheading = Node.create({
  name: 'subheading',
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      kind: {
        default: 'baggrund' satisfies SubheadingKind,
        parseHTML: (element) => {
          const kind = elementAttribute(element, 'data-kind');
          return isSubheadingKind(kind) ? kind : 'baggrund';
        },
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
    };
  },
  addCommands() {
    return {
      insertSubheading: (kind) => ({ state, dispatch }) => insertSubheading(kind)(state, dispatch),
      setSubheadingKind: (pos, kind) => ({ state, dispatch }) => setSubheadingKind(pos, kind)(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-1': () => this.editor.commands.insertSubheading('baggrund'),
      'Mod-Shift-2': () => this.editor.commands.insertSubheading('indstilling'),
      'Mod-Shift-3': () => this.editor.commands.insertSubheading('sagsfremstilling'),
      'Mod-Shift-4': () => this.editor.commands.insertSubheading('beslutning'),
    };
  },
  parseHTML() {
    return [{ tag: 'h3[data-type="subheading"]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const kind: SubheadingKind = isSubheadingKind(node.attrs.kind) ? node.attrs.kind : 'baggrund';
    return ['h3', mergeAttributes(HTMLAttributes, { 'data-type': 'subheading' }), SUBHEADING_LABELS[kind]];
  },
});
