import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';

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
  parseHTML() {
    return [{ tag: 'p[data-type="enclosure"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'enclosure' }), 0];
  },
});
