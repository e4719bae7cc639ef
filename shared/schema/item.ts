import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';

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
  parseHTML() {
    return [{ tag: 'article[data-type="item"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['article', mergeAttributes(HTMLAttributes, { 'data-type': 'item' }), 0];
  },
});
