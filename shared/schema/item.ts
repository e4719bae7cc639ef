import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';
import { insertItem, setItemClosed, toggleItemClosed } from '../agenda/item-commands';
import { moveItemTo, moveSelectedItem } from '../agenda/item-moves';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    item: {
      /** Inserts an empty item after the current item (or at the top of the current section). */
      insertItem: () => ReturnType;
      /** Moves the current item one place up; the first item of a section goes to the end of the previous section. */
      moveItemUp: () => ReturnType;
      /** Moves the current item one place down; the last item of a section goes to the top of the next section. */
      moveItemDown: () => ReturnType;
      /** Moves the item at `itemPos` to the position between items `targetPos` (drag and drop). */
      moveItemTo: (itemPos: number, targetPos: number) => ReturnType;
      /** Toggles whether the current item is closed (lukket punkt). */
      toggleItemClosed: () => ReturnType;
      /** Sets whether the item at `itemPos` is closed. */
      setItemClosed: (itemPos: number, closed: boolean) => ReturnType;
    };
  }
}

/** The block nodes an item's body may hold, in any order. */
export const ITEM_BODY_CONTENT = '(paragraph | bulletList | subheading | topicLine | indstilling | enclosure)*';

/**
 * An agenda item ("3.1."): title, case line, then its body. `closed` marks a closed item
 * (lukket punkt), of which the public export shows only number and title.
 */
export const Item = Node.create({
  name: 'item',
  content: `itemTitle caseLine ${ITEM_BODY_CONTENT}`,
  defining: true,
  isolating: true,
  draggable: true,
  addAttributes() {
    return {
      closed: {
        default: false,
        parseHTML: (element) => elementAttribute(element, 'data-closed') === 'true',
        renderHTML: (attributes) => ({ 'data-closed': attributes.closed ? 'true' : 'false' }),
      },
    };
  },
  addCommands() {
    return {
      insertItem: () => ({ state, dispatch }) => insertItem(state, dispatch),
      moveItemUp: () => ({ state, dispatch }) => moveSelectedItem('up')(state, dispatch),
      moveItemDown: () => ({ state, dispatch }) => moveSelectedItem('down')(state, dispatch),
      moveItemTo: (itemPos, targetPos) => ({ state, dispatch }) => moveItemTo(itemPos, targetPos)(state, dispatch),
      toggleItemClosed: () => ({ state, dispatch }) => toggleItemClosed(state, dispatch),
      setItemClosed: (itemPos, closed) => ({ state, dispatch }) => setItemClosed(itemPos, closed)(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Enter': () => this.editor.commands.insertItem(),
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveItemUp(),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveItemDown(),
      'Mod-Shift-l': () => this.editor.commands.toggleItemClosed(),
    };
  },
  parseHTML() {
    return [{ tag: 'article[data-type="item"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['article', mergeAttributes(HTMLAttributes, { 'data-type': 'item' }), 0];
  },
});
