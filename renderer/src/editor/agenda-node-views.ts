import type { Extensions } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { Item } from '../../../shared/schema/item';
import { Subheading } from '../../../shared/schema/subheading';
import { ItemView } from './node-views/ItemView';
import { SubheadingView } from './node-views/SubheadingView';

/** The item node with its React view (drag handle, lukket switch). The schema is unchanged. */
const ItemWithView = Item.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ItemView, { className: 'item-node' });
  },
});

/** The subheading node with its React view (menu to change its kind). */
const SubheadingWithView = Subheading.extend({
  addNodeView() {
    return ReactNodeViewRenderer(SubheadingView, { className: 'subheading-node' });
  },
});

/** The shared extensions with the renderer's node views swapped in. */
export function withNodeViews(extensions: Extensions): Extensions {
  return extensions.map((extension) => {
    if (extension.name === 'item') return ItemWithView;
    if (extension.name === 'subheading') return SubheadingWithView;
    return extension;
  });
}
