import * as Y from 'yjs';
import { tokenText } from './fuzz-tokens';
import type { TokenRecord } from './token-ledger';
import { isDeletedIn, type LoggedOp, type YOpLog } from './y-op-log';

const UNDOING = new Set(['undo', 'redo']);
/** Steps that delete text by intent (deleting an item is another matter; see below). */
const TEXT_DELETIONS = new Set(['delete', 'deleteAcross']);

/**
 * Why a token that a step deleted on purpose is in the document at the end, if it is there
 * against that deletion; null if not.
 *
 * Yjs has no move: a move, split or join copies a block and deletes the original. When one
 * person deletes a token while another, not yet knowing, copies the block holding it, the copy
 * keeps the token; the server's rescue (shared/rescue) must carry the deletion into the copy
 * (delete wins). A live character of one of the token's delimiters whose every possible
 * source, followed back from copy to copy, was deleted as text by a step that removed the
 * token, while that step had not seen the copy made from it, is such a copy. Not reported:
 * a token an undo or redo wrote anew after the deletion (taken back on purpose), and text
 * that went with an item the step deleted as a whole (an item deleted while someone moved it
 * stays where it was moved; README).
 *
 * Blind spots: a token cut only in its middle; a copy made from a rescued copy (what the
 * rescue puts back was deleted on arrival, so the op log knows no live source for it).
 */
export function explainResurrected(doc: Y.Doc, log: YOpLog, record: TokenRecord): string | null {
  if (record.removedIn.size === 0) return null;
  const text = tokenText(record.client, record.serial);
  const lines = new Map<string, LoggedOp | null>();
  for (const delimiter of [text[0]!, text[text.length - 1]!]) {
    const instances = log.delimiterIds(delimiter);
    // Written anew by an undo or redo: the latest deletion before it was taken back.
    const rewritten = instances.filter((id) => UNDOING.has(log.creator(id)?.kind ?? '') && (log.sourcesOf(id)?.length ?? 0) === 0).map((id) => log.creator(id)!.seq);
    for (const id of instances) {
      if (isDeletedIn(doc, id)) continue;
      const removal = deletedLine(id, doc, log, record.removedIn, lines);
      if (removal && !rewritten.some((seq) => seq > removal.seq)) {
        return `deleted by ${removal.label}, yet its copy ${id.client}:${id.clock} made by ${log.creator(id)?.label ?? 'an unknown step'} is live`;
      }
    }
  }
  return null;
}

/**
 * The step that removed the token from every source the character `id` was copied from
 * (followed back through copies of copies) without having seen that copy, or null if some
 * source was not removed so. Memoised in `lines` (sources of different copies meet).
 */
function deletedLine(id: Y.ID, doc: Y.Doc, log: YOpLog, removedIn: ReadonlySet<string>, lines: Map<string, LoggedOp | null>): LoggedOp | null {
  const key = `${id.client}:${id.clock}`;
  if (lines.has(key)) return lines.get(key)!;
  lines.set(key, null);
  const sources = log.sourcesOf(id);
  const creator = log.creator(id);
  let found: LoggedOp | null = null;
  for (const source of sources ?? []) {
    const removal = log.deleters(source).find(
      (op) => op !== creator && removedIn.has(op.label) && TEXT_DELETIONS.has(op.kind) && (op.before.get(id.client) ?? 0) <= id.clock && !deletedItemOf(source, op, doc, log),
    );
    const line = removal ?? deletedLine(source, doc, log, removedIn, lines);
    if (!line) {
      found = null;
      break;
    }
    found ??= line;
  }
  lines.set(key, found);
  return found;
}

/** Whether `op` deleted an item (as a whole) holding the character `id`. */
function deletedItemOf(id: Y.ID, op: LoggedOp, doc: Y.Doc, log: YOpLog): boolean {
  for (let type = Y.getItem(doc.store, id).parent as Y.AbstractType<unknown> | null; type?._item; type = type._item.parent as Y.AbstractType<unknown> | null) {
    if (type instanceof Y.XmlElement && type.nodeName === 'item' && log.deleters(type._item.id).includes(op)) return true;
  }
  return false;
}
