import Link from '@tiptap/extension-link';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import { isSafeHref } from './link-policy';

/** Plugin key of the guard that strips unsafe links, wherever they came from. */
export const unsafeLinkGuardKey = new PluginKey('unsafeLinkGuard');

/**
 * A link mark that accepts only http, https and mailto. TipTap's Link already checks typed,
 * pasted and parsed links through `isAllowedUri`; the guard plugin also removes unsafe links
 * that arrive by any other route, such as a Yjs update from another client.
 */
export const SafeLink = Link.extend({
  addProseMirrorPlugins() {
    const markType = this.type;
    return [...(this.parent?.() ?? []), unsafeLinkGuard(markType)];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  protocols: ['mailto'],
  defaultProtocol: 'https',
  isAllowedUri: (url) => isSafeHref(url),
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
});

/** Ranges of `doc` that removing unsafe links must clear: each a [from, to, mark] triple. */
export function findUnsafeLinks(doc: PMNode, markType: MarkType, from = 0, to = doc.content.size): Array<[number, number, Mark]> {
  const found: Array<[number, number, Mark]> = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type === markType && !isSafeHref(mark.attrs.href)) found.push([pos, pos + node.nodeSize, mark]);
    }
    return false;
  });
  return found;
}

function unsafeLinkGuard(markType: MarkType): Plugin {
  return new Plugin({
    key: unsafeLinkGuardKey,
    appendTransaction(transactions, _oldState, newState) {
      const changed = changedRanges(transactions, newState.doc.content.size);
      if (changed.length === 0) return null;
      let tr: Transaction | null = null;
      for (const [from, to] of changed) {
        for (const [start, end, mark] of findUnsafeLinks(newState.doc, markType, from, to)) {
          tr ??= newState.tr;
          tr.removeMark(start, end, mark);
        }
      }
      return tr;
    },
  });
}

/** The ranges of the final document touched by `transactions`, clamped to its size. */
function changedRanges(transactions: readonly Transaction[], size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const tr of transactions) {
    if (!tr.docChanged) continue;
    // Map every range forward through later steps and later transactions.
    for (let i = 0; i < ranges.length; i++) {
      const [from, to] = ranges[i]!;
      ranges[i] = [tr.mapping.map(from, -1), tr.mapping.map(to, 1)];
    }
    tr.steps.forEach((step, index) => {
      const rest = tr.mapping.slice(index + 1);
      step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
      });
    });
  }
  return ranges.map(([from, to]) => [Math.max(0, Math.min(from, size)), Math.max(0, Math.min(to, size))]);
}
