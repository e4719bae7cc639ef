import * as Y from 'yjs';
import { tokenText } from './fuzz-tokens';
import type { TokenRecord } from './token-ledger';
import { isDeletedIn, type YOpLog } from './y-op-log';

const UNDOING = new Set(['undo', 'redo']);
/**
 * Steps that delete text by intent. A deleted item is left out: an item that someone deleted
 * while another moved it stays where it was moved (nothing is lost; README).
 */
const TEXT_DELETIONS = new Set(['delete', 'deleteAcross']);

/**
 * Why a token that a step deleted on purpose is in the document at the end, if it is there
 * against that deletion; null if not.
 *
 * Yjs has no move: a move, split or join copies a block and deletes the original. When one
 * person deletes a token while another, not yet knowing, copies the block holding it, the copy
 * keeps the token; the server's rescue (shared/rescue) must carry the deletion into the copy
 * (delete wins). A live character of the token's opening delimiter whose every possible
 * source, followed back from copy to copy, was deleted by a step that removed the token is
 * such a copy. A token that an undo or redo wrote anew (while no copy of it was live: the
 * deletion taken back) is back on purpose and not reported, whichever copy of it lives.
 */
export function explainResurrected(doc: Y.Doc, log: YOpLog, record: TokenRecord): string | null {
  if (record.removedIn.size === 0) return null;
  const open = tokenText(record.client, record.serial)[0]!;
  const instances = log.delimiterIds(open);
  // An undo or redo wrote it anew: someone took a deletion of it back, on purpose.
  if (instances.some((id) => UNDOING.has(log.creator(id)?.kind ?? '') && (log.sourcesOf(id)?.length ?? 0) === 0)) return null;
  for (const id of instances) {
    if (isDeletedIn(doc, id)) continue;
    const deletion = deletedLine(id, log, record.removedIn, new Set());
    if (deletion) return `deleted by ${deletion}, yet its copy ${id.client}:${id.clock} made by ${log.creator(id)?.label ?? 'an unknown step'} is live`;
  }
  return null;
}

/**
 * The step that removed the token from every source the character `id` was copied from
 * (followed back through copies of copies), or null if some source was not removed so.
 */
function deletedLine(id: Y.ID, log: YOpLog, removedIn: ReadonlySet<string>, seen: Set<string>): string | null {
  const sources = log.sourcesOf(id);
  if (!sources || sources.length === 0) return null;
  let found: string | null = null;
  for (const source of sources) {
    const key = `${source.client}:${source.clock}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const removal = log.deleters(source).find((op) => removedIn.has(op.label) && TEXT_DELETIONS.has(op.kind));
    const line = removal ? removal.label : deletedLine(source, log, removedIn, seen);
    if (!line) return null;
    found ??= line;
  }
  return found;
}
