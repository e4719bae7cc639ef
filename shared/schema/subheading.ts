import { Node, mergeAttributes } from '@tiptap/core';
import { elementAttribute } from './element-attribute';
import { SUBHEADING_LABELS, isSubheadingKind, type SubheadingKind } from './subheading-kind';

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
  parseHTML() {
    return [{ tag: 'h3[data-type="subheading"]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const kind: SubheadingKind = isSubheadingKind(node.attrs.kind) ? node.attrs.kind : 'baggrund';
    return ['h3', mergeAttributes(HTMLAttributes, { 'data-type': 'subheading' }), SUBHEADING_LABELS[kind]];
  },
});
