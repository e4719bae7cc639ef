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
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const changed = changedRange(oldState.doc, newState.doc);
      if (!changed) return null;
      let tr: Transaction | null = null;
      for (const [start, end, mark] of findUnsafeLinks(newState.doc, markType, changed[0], changed[1])) {
        tr ??= newState.tr;
        tr.removeMark(start, end, mark);
      }
      return tr;
    },
  });
}

/**
 * The range of `after` that differs from `before`, or null when they are equal. Compared by
 * content rather than by the transactions' steps: a change from Yjs arrives as one step that
 * replaces the whole document, while the nodes it did not touch are the same objects, which
 * the comparison skips at once. So a remote keystroke costs a scan of one paragraph, not of
 * the whole agenda.
 */
export function changedRange(before: PMNode, after: PMNode): [number, number] | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  const to = end ? Math.max(end.b, start) : after.content.size;
  return [start, Math.min(to, after.content.size)];
}
