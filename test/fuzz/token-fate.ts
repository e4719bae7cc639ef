import * as Y from 'yjs';
import { isDelimiter, tokenText } from './fuzz-tokens';
import type { LoggedOp, YOpLog } from './y-op-log';

/**
 * Why a token is missing or repeated at the end of a run, found in the Yjs structure:
 *
 * - `deleted`: a delete, undo or redo step deleted its characters or a node that held them
 *   (delete wins over edits made concurrently inside what it removes).
 * - `emptied-block`: a step deleted all text of a block, and y-tiptap deleted the block's
 *   Y.XmlText with it; or an undo/redo deleted a Y.XmlText that the undone step had created
 *   (typing into an empty block creates one); text typed into it concurrently went with it.
 * - `copied-container`: a move, split or join (delete across blocks) copied the node holding
 *   the token and deleted the original (Yjs has no move); the token was typed into the
 *   original concurrently, and the server's rescue (shared/rescue) did not put it into the
 *   copy. (If the copy it would go to was itself deleted on purpose, the fate is `deleted`.)
 * - `concurrent-copies`: the extra occurrences are copies made by moves, splits, joins or
 *   undo/redo of the same content on clients that did not yet know of each other's copy, and
 *   that the server's merge (shared/rescue/concurrent-copies.ts) did not join: not two live
 *   copies of one item traced to the same original, or copies that could not be merged.
 * - `rescued-again`: extra occurrences made by the server's rescue (shared/rescue): text typed
 *   into a moved block was put into the copy, but another copy of the same characters was
 *   put there too or made by a concurrent move, or the author's undo and redo of the typing
 *   reached the server only as two insertions into the deleted block, no deletion between.
 * - `two-texts`: a block held two Y.XmlTexts (two people began typing into the same empty
 *   block at once, or the rescue put text into one just as someone typed there); y-tiptap
 *   shows them as one text and, on every client that receives them (while receiving, or with
 *   its next local step), writes the second into the first and deletes it: the text is
 *   copied once per client, or lost with the deletion.
 * - `scrambled`: the token's characters are all in the Y.Doc, undeleted, in live nodes, but
 *   other characters ended up between them. No step cut into the token: the rescue or a merge
 *   put characters inside it (they went next to the wrong copied neighbour), or y-tiptap
 *   wrote a text change as a string diff against a Y.Text that differed from the editor at
 *   that moment (see fuzz-tokens.ts).
 * - `resurrected`: a step deleted the token on purpose, and a copy of it made concurrently
 *   (a move, split or join by someone who had not seen the deletion) keeps it: the rescue did
 *   not carry the deletion into the copy (see token-resurrection.ts).
 * - `unexplained`: none of the above; a fault in the editor binding or in our schema.
 */
export type TokenFate = 'deleted' | 'emptied-block' | 'copied-container' | 'concurrent-copies' | 'rescued-again' | 'two-texts' | 'scrambled' | 'resurrected' | 'unexplained';

/**
 * Steps that remove text by intent. The server's forwarding (`forward`) deletes only what a
 * step deleted in an original while someone else had copied it (a move): the step's intent.
 */
const REMOVING = new Set(['delete', 'deleteAcross', 'deleteItem', 'undo', 'redo', 'forward']);
/** Where moves and joins forwarded each deleted type (`idKey` → the ids of its copies), from the forwarding map. */
export type Forwarding = ReadonlyMap<string, Y.ID[]>;

/** Steps that undo or redo earlier ones. */
const UNDOING = new Set(['undo', 'redo']);
/** Steps that copy content (the binding turns them into delete + insert). */
const COPYING = new Set(['split', 'moveItem', 'deleteAcross', 'undo', 'redo']);

interface TokenIdentity {
  client: number;
  serial: number;
}

function delimiters({ client, serial }: TokenIdentity): [string, string] {
  const text = tokenText(client, serial);
  return [text[0]!, text[text.length - 1]!];
}


/**
 * Every string item, deleted or not, by the token delimiters it holds: the typed token and
 * every copy of it. The documents must have converged (same structure); each item is taken
 * from the first document that still has its content (one that received an item from the
 * server after the server collected it holds it without content). One walk over all structs.
 */
export function delimiterIndex(docs: Y.Doc[]): Map<string, Y.Item[]> {
  const index = new Map<string, Y.Item[]>();
  const seen = new Set<string>();
  for (const doc of docs) {
    doc.store.clients.forEach((structs) => {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
        // Docs may split an item differently (one that got part of it collected by the server):
        // the same start with another length is another piece, and may hold the token.
        const key = `${struct.id.client}:${struct.id.clock}+${struct.length}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const char of struct.content.str) {
          if (!isDelimiter(char)) continue;
          let items = index.get(char);
          if (!items) index.set(char, (items = []));
          items.push(struct);
        }
      }
    });
  }
  return index;
}

/**
 * What removed one instance (the typed characters, or one copy of them). Of the characters
 * and the nodes holding them, the outermost one that a client deleted by its own step tells
 * the story (a node's descendants are deleted with it, on every client).
 */
function instanceFate(item: Y.Item, log: YOpLog, forwarding: Forwarding): { fate: TokenFate | 'copied' | 'in-place'; why: string } {
  const chain: Array<{ holder: Y.Item; type: Y.AbstractType<unknown> | null }> = [{ holder: item, type: null }];
  for (let type = item.parent as Y.AbstractType<unknown> | null; type?._item; type = type._item.parent as Y.AbstractType<unknown>) {
    chain.push({ holder: type._item, type });
  }
  // The outermost deletion tells the story, unless a step deleted an inner holder on purpose:
  // then the token went with it (delete wins), whatever later copied or rescued the rest.
  let outermost: { fate: TokenFate | 'copied' | 'in-place'; why: string } | null = null;
  for (const { holder, type } of chain.reverse()) {
    const fate = holderFate(holder, type, log, forwarding);
    if (!fate) continue;
    if (fate.fate === 'deleted') return fate;
    outermost ??= fate;
  }
  // Copied away: where the copy went decides (the rescue follows it; a deletion there wins).
  if (outermost?.fate === 'copied') return copyFate(chain.reverse(), log, forwarding) ?? outermost;
  if (outermost) return outermost;
  if (item.deleted) return { fate: 'unexplained', why: 'its characters were deleted by no step on record' };
  return { fate: 'in-place', why: `its characters are in place in ${JSON.stringify(item.content instanceof Y.ContentString ? item.content.str : '')}` };
}

/** What one deleted holder of a token (its characters, or a type holding them) says about its fate; null if nothing. */
function holderFate(
  holder: Y.Item,
  type: Y.AbstractType<unknown> | null,
  log: YOpLog,
  forwarding: Forwarding,
): { fate: TokenFate | 'copied' | 'in-place'; why: string } | null {
  if (!holder.deleted) return null;
  const by = log.deleters(holder.id);
  if (by.length === 0) return null;
  // y-tiptap deletes an element that no longer fits the schema (a list whose items were all
  // deleted by concurrent steps). If nothing in it is left undeleted, that deletion lost
  // nothing: what removed the token is further in.
  if (type instanceof Y.XmlElement && by.every((op) => op.kind === 'receive') && liveText(type) === '') return null;
  const what = type === null ? 'characters' : type instanceof Y.XmlElement ? `<${type.nodeName}>` : 'Y.XmlText';
  const why = `its ${what} ${holder.id.client}:${holder.id.clock} deleted by ${labels(by)}`;
  // A delete across blocks joins them: the binding deletes the later blocks' elements and
  // copies what was left of them, so a node it deleted is a copy, not a deletion by intent;
  // unless that step copied nothing of it or in it (no forwarding entry for it or what it
  // held, made by that step: an undo's restore of it is not the join's copy): then the range
  // held it whole.
  const joined = type !== null && by.every((op) => op.kind === 'deleteAcross');
  if (joined) return copiedBy(type, by, log, forwarding) ? { fate: 'copied', why } : { fate: 'deleted', why: `${why}, which copied nothing of it` };
  if (by.some((op) => REMOVING.has(op.kind)) && !(type instanceof Y.XmlText)) return { fate: 'deleted', why };
  if (type instanceof Y.XmlText && by.every((op) => op.kind === 'receive') && textSiblings(type) > 1) return { fate: 'two-texts', why };
  if (type instanceof Y.XmlText && by.some((op) => op.kind === 'delete')) return { fate: 'emptied-block', why };
  // Undo of typing into an empty block deletes the Y.XmlText that the typing created, with
  // whatever others typed into it meanwhile (Yjs undoes an inserted type as a whole).
  if (type instanceof Y.XmlText && by.some((op) => UNDOING.has(op.kind) && log.creator(holder.id)?.client === op.client)) return { fate: 'emptied-block', why };
  if (by.some((op) => op.kind === 'moveItem' || op.kind === 'split')) return { fate: 'copied', why };
  return { fate: 'unexplained', why };
}

/** Whether one of the steps `by` copied `type` or something in it (a forwarding entry to a copy it made). */
function copiedBy(type: Y.AbstractType<unknown>, by: LoggedOp[], log: YOpLog, forwarding: Forwarding): boolean {
  const madeBy = (item: Y.Item): boolean => (forwarding.get(`${item.id.client}:${item.id.clock}`) ?? []).some((copy) => by.some((op) => op === log.creator(copy)));
  const queue: Y.AbstractType<unknown>[] = [type];
  for (let index = 0; index < queue.length && index < 10_000; index++) {
    const at = queue[index]!;
    if (at._item && madeBy(at._item)) return true;
    if (!(at instanceof Y.XmlElement)) continue;
    for (let child = at._start; child !== null; child = child.right) if (child.content instanceof Y.ContentType) queue.push(child.content.type);
  }
  return false;
}

/**
 * The fate of an instance whose container was copied (`chain`: its holders, innermost
 * first): follows the innermost forwarded holder from copy to copy; if the last copy was
 * deleted on purpose (itself or a holder of it), the token went with it. Null when the last
 * copy is live (the rescue should have put the token there) or the chain is unknown.
 */
function copyFate(
  chain: Array<{ holder: Y.Item; type: Y.AbstractType<unknown> | null }>,
  log: YOpLog,
  forwarding: Forwarding,
): { fate: TokenFate | 'copied' | 'in-place'; why: string } | null {
  const start = chain.find(({ holder, type }) => type !== null && forwarding.has(`${holder.id.client}:${holder.id.clock}`));
  const doc = (chain[0]?.holder.parent as Y.AbstractType<unknown> | null)?.doc;
  if (!start || !doc) return null;
  let key = `${start.holder.id.client}:${start.holder.id.clock}`;
  for (let hop = 0; hop < 32; hop++) {
    const to = forwarding.get(key)?.[0];
    if (!to) return null;
    const copy = Y.getItem(doc.store, to) as Y.Item;
    if (!copy.deleted) return null;
    key = `${to.client}:${to.clock}`;
    if (forwarding.has(key)) continue;
    const holders: Array<{ holder: Y.Item; type: Y.AbstractType<unknown> }> = [];
    for (let type = (copy.content as Y.ContentType).type as Y.AbstractType<unknown> | null; type?._item; type = type._item.parent as Y.AbstractType<unknown>) holders.push({ holder: type._item, type });
    for (const { holder, type } of holders.reverse()) {
      const fate = holderFate(holder, type, log, forwarding);
      if (fate?.fate === 'deleted') return { fate: 'deleted', why: `its copy ${key} went with: ${fate.why}` };
    }
    return null;
  }
  return null;
}

/**
 * Explains a missing token from the fates of all its instances (typed, and copied by
 * moves, splits and undo). The index must come from a Y.Doc that keeps deleted content (gc: false).
 */
export function explainMissing(
  index: Map<string, Y.Item[]>,
  log: YOpLog,
  token: TokenIdentity,
  forwarding: Forwarding = new Map(),
): { fate: TokenFate; why: string } {
  const [open] = delimiters(token);
  const fates = (index.get(open) ?? []).map((item) => instanceFate(item, log, forwarding));
  if (fates.length === 0) return { fate: 'unexplained', why: 'its characters are not in the Y.Doc' };
  const why = fates.map((fate) => fate.why).join('; ');
  if (fates.some((f) => f.fate === 'in-place')) return { fate: 'scrambled', why };
  for (const fate of ['unexplained', 'deleted', 'emptied-block', 'two-texts'] as const) if (fates.some((f) => f.fate === fate)) return { fate, why };
  return { fate: 'copied-container', why };
}

/** Explains a token that occurs more than once in the body `fragment`. */
export function explainRepeated(fragment: Y.XmlFragment, log: YOpLog, token: TokenIdentity): { fate: TokenFate; why: string } {
  const [open] = delimiters(token);
  const holders: Y.Item[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText): void => {
    if (type instanceof Y.XmlText) {
      for (let item = type._start; item; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentString && item.content.str.includes(open)) holders.push(item);
      }
      return;
    }
    for (const child of type.toArray()) if (!(child instanceof Y.XmlHook)) visit(child);
  };
  visit(fragment);
  const creators = holders.map((item) => log.creator(item.id));
  const copies = creators.filter((op) => op && COPYING.has(op.kind));
  const rescues = creators.filter((op) => op?.kind === 'forward');
  const byBinding = creators.some((op) => op?.kind === 'receive') && holders.some((item) => item.parent instanceof Y.XmlText && textSiblings(item.parent) > 1);
  if (byBinding || holders.some((item, index) => mergedFromSibling(item, creators[index], open, log))) {
    return { fate: 'two-texts', why: `occurrences made by ${creators.map((op) => (op ? op.label : 'unknown')).join('; ')}` };
  }
  const why = creators.map((op) => (op ? op.label : 'unknown')).join('; ');
  if (copies.length >= holders.length - 1) return { fate: 'concurrent-copies', why: `occurrences made by ${why}` };
  if (rescues.length > 0 && copies.length + rescues.length >= holders.length - 1) return { fate: 'rescued-again', why: `occurrences made by ${why}` };
  return { fate: 'unexplained', why: `occurrences made by ${why}` };
}

/**
 * Whether occurrence `item` is y-tiptap writing a second text of a block into the first, in
 * a local step (the binding writes the editor's state back on the next local change): copied
 * from a sibling text that the same step deleted.
 */
function mergedFromSibling(item: Y.Item, creator: LoggedOp | undefined, open: string, log: YOpLog): boolean {
  const text = item.parent;
  if (!creator || !(text instanceof Y.XmlText) || textSiblings(text) < 2) return false;
  const doc = text.doc;
  const at = (item.content as Y.ContentString).str.indexOf(open);
  if (!doc || at < 0) return false;
  return (log.sourcesOf(Y.createID(item.id.client, item.id.clock + at)) ?? []).some((source) => {
    const sibling = Y.getItem(doc.store, source).parent;
    return (
      sibling instanceof Y.XmlText &&
      sibling !== text &&
      sibling._item?.parent === text._item?.parent &&
      log.deleters(sibling._item!.id).includes(creator)
    );
  });
}

/** How many Y.XmlTexts, live or deleted, the element holding `text` has. */
function textSiblings(text: Y.XmlText): number {
  const parent = text._item?.parent;
  if (!(parent instanceof Y.XmlElement)) return 1;
  let count = 0;
  for (let item = parent._start; item !== null; item = item.right) if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) count += 1;
  return count;
}

/** The text that `type` still shows (its undeleted text, without markup). */
function liveText(type: Y.XmlElement): string {
  return type.toString().replace(/<[^>]*>/g, '');
}

function labels(ops: Array<{ label: string }>): string {
  return [...new Set(ops.map((op) => op.label))].join(', ');
}
