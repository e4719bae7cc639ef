import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

/** The grey hint shown in each kind of empty line. */
const PLACEHOLDERS: Record<string, string> = {
  sectionTitle: 'Sektionens titel',
  itemTitle: 'Punktets titel',
  caseLine: 'SAG-… initialer',
  topicLine: 'Emnelinje',
  enclosure: 'Bilagets navn',
};

const placeholderKey = new PluginKey<DecorationSet>('agendaPlaceholders');

function placeholders(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = PLACEHOLDERS[node.type.name];
    if (text && node.content.size === 0) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty', 'data-placeholder': text }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Shows what belongs in an empty title, case line, topic line or "./." marker. */
export const AgendaPlaceholders = Extension.create({
  name: 'agendaPlaceholders',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: placeholderKey,
        state: {
          init: (_config, state) => placeholders(state.doc),
          apply: (tr, old) => (tr.docChanged ? placeholders(tr.doc) : old),
        },
        props: { decorations: (state) => placeholderKey.getState(state) },
      }),
    ];
  },
});
