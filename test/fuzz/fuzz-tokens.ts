import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Uniquely numbered tokens the fuzz types, one insertion each. A token reads "c3-t17"
 * (client 3, its 17th token) between two characters that belong to this token alone.
 *
 * Why not a fixed bracket like "⟦c3-t17⟧": y-tiptap turns a changed text block into Yjs
 * operations by a string diff (common prefix and suffix), not from the ProseMirror steps.
 * Typing "⟦c3-t18⟧" right before "⟦c3-t17⟧" shares the prefix "⟦c3-t", so the diff reuses
 * the older token's characters for the new one; a concurrent edit next to either token then
 * lands inside the other. The text stays the same locally; only placement under concurrency
 * suffers. With delimiters that occur nowhere else the diff of an inserted or deleted whole
 * token is exact, so a token can only break if an edit really cut into it.
 */
export function tokenText(client: number, serial: number): string {
  const n = client * 1000 + serial;
  return `${String.fromCharCode(FIRST_DELIMITER + 2 * n)}c${client}-t${serial}${String.fromCharCode(FIRST_DELIMITER + 2 * n + 1)}`;
}

/** Whether `char` is a token delimiter (a CJK ideograph; no other text uses them). */
export function isDelimiter(char: string): boolean {
  return char >= '\u4e00' && char <= '\u9fff';
}

/** The short name of a token for messages: "c3-t17". */
export function tokenName(client: number, serial: number): string {
  return `c${client}-t${serial}`;
}

/** Delimiters are CJK ideographs, counted up from here (two per token). */
const FIRST_DELIMITER = 0x4e00;

/**
 * Matches a token: delimiter, "c<client>-t<serial>", and (not consumed) a delimiter after it.
 * The closing delimiter is only looked at: where a damaged token's name runs into the next
 * token, that next token's opening delimiter must still start a match.
 */
const TOKEN_PATTERN = /[\u4e00-\u9fff]c(\d+)-t(\d+)(?=[\u4e00-\u9fff])/g;

/** Character used for inline leaves (hard breaks) so text offsets equal document offsets. */
const LEAF = '\ufffc';

/** The text of a textblock, one character per document position of its content. */
export function blockText(block: PMNode): string {
  return block.textBetween(0, block.content.size, undefined, LEAF);
}

/** How often each intact token occurs in `doc` (one pass over its text; blocks are kept apart). */
export function tokenCounts(doc: PMNode): Map<string, number> {
  const counts = new Map<string, number>();
  const text = doc.textBetween(0, doc.content.size, '\n', LEAF);
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (text.slice(match.index, match.index + match[0].length + 1) !== tokenText(Number(match[1]), Number(match[2]))) continue;
    const name = `c${match[1]}-t${match[2]}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Offsets in `text` where an insertion or split does not cut a token. */
export function offsetsOutsideTokens(text: string): number[] {
  const inside = new Set<number>();
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    // The token with its closing delimiter (the pattern does not consume it).
    for (let offset = match.index + 1; offset < match.index + match[0].length + 1; offset++) inside.add(offset);
  }
  const offsets: number[] = [];
  for (let offset = 0; offset <= text.length; offset++) if (!inside.has(offset)) offsets.push(offset);
  return offsets;
}
