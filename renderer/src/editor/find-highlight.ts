import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

/** What is being searched for, and which match is the current one. */
export interface FindState {
  query: string;
  current: number;
}

/** Plugin key of the find highlights; set its meta to a FindState to search. */
export const findKey = new PluginKey<{ find: FindState; decorations: DecorationSet }>('findHighlight');

/** Every match of `query` (case-insensitive, within one textblock) as [from, to]. */
export function findMatches(doc: PMNode, query: string): Array<[number, number]> {
  const needle = query.toLocaleLowerCase('da');
  const found: Array<[number, number]> = [];
  if (!needle) return found;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Text offsets map to positions inside the block as long as it holds only text.
    let text = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      if (!child.isText) return;
      for (let i = 0; i < child.text!.length; i++) starts.push(pos + 1 + offset + i);
      text += child.text!;
    });
    const haystack = text.toLocaleLowerCase('da');
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      found.push([starts[at]!, starts[at + needle.length - 1]! + 1]);
    }
    return false;
  });
  return found;
}

function decorate(doc: PMNode, find: FindState): DecorationSet {
  const matches = findMatches(doc, find.query);
  return DecorationSet.create(
    doc,
    matches.map(([from, to], index) => Decoration.inline(from, to, { class: index === find.current ? 'find-match find-match--current' : 'find-match' })),
  );
}

/** Highlights the matches of the find bar's query in the editor. */
export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: findKey,
        state: {
          init: () => ({ find: { query: '', current: 0 }, decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const find = (tr.getMeta(findKey) as FindState | undefined) ?? value.find;
            if (find === value.find && !tr.docChanged) return value;
            return { find, decorations: find.query ? decorate(state.doc, find) : DecorationSet.empty };
          },
        },
        props: {
          decorations: (state) => findKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
