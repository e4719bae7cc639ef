import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { agendaNumbers } from '../../../shared/agenda/numbering';

/** Plugin key of the numbering decorations. */
export const numberingKey = new PluginKey<DecorationSet>('agendaNumbering');

function numberDecorations(doc: PMNode): DecorationSet {
  const decorations = agendaNumbers(doc).map((number) =>
    // The title is the first child: its content starts two positions into the node.
    Decoration.widget(
      number.pos + 2,
      () => {
        const span = document.createElement('span');
        span.className = `agenda-number agenda-number--${number.kind}`;
        span.textContent = number.label;
        span.contentEditable = 'false';
        return span;
      },
      { side: -1, key: `${number.kind}-${number.label}`, ignoreSelection: true },
    ),
  );
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows each section's and item's number before its title. Numbers are computed from the
 * current document on every change, never stored.
 */
export const AgendaNumbering = Extension.create({
  name: 'agendaNumbering',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: numberingKey,
        state: {
          init: (_config, state) => numberDecorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? numberDecorations(tr.doc) : old),
        },
        props: {
          decorations: (state) => numberingKey.getState(state),
        },
      }),
    ];
  },
});
