import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import { itemAt } from '../../../shared/agenda/agenda-position';
import { itemInsertionPoint } from '../../../shared/agenda/item-moves';

/**
 * Dropping a dragged item (picked up by its handle) moves it between items: before or after
 * the item under the pointer, depending on which half of it the pointer is over, or to the
 * top of a section when dropped on its title. The move is one transaction, like the
 * keyboard move.
 */
export const ItemDrop = Extension.create({
  name: 'itemDrop',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('itemDrop'),
        props: {
          handleDrop(view, event, _slice, moved) {
            const { selection } = view.state;
            if (!moved || !(selection instanceof NodeSelection) || selection.node.type.name !== 'item') return false;
            const found = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!found) return false;
            event.preventDefault();
            const { doc } = view.state;
            const over = itemAt(doc.resolve(found.pos));
            let after = false;
            if (over) {
              const dom = view.nodeDOM(over.pos);
              if (dom instanceof HTMLElement) {
                const box = dom.getBoundingClientRect();
                after = event.clientY > box.top + box.height / 2;
              }
            }
            editor.chain().focus().moveItemTo(selection.from, itemInsertionPoint(doc, found.pos, after)).run();
            // Handled even when the item was dropped where it already was.
            return true;
          },
        },
      }),
    ];
  },
});
