import * as prng from 'lib0/prng';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { canSplit } from '@tiptap/pm/transform';
import { item, paragraph } from '../../shared/agenda/agenda-builders';
import type { FuzzClient } from './fuzz-client';
import { blockText, offsetsOutsideTokens, tokenCounts } from './fuzz-tokens';
import type { TokenLedger } from './token-ledger';
import type { YOpLog } from './y-op-log';

/** What a step needs: the random source, the ledger, the acting client and its step number. */
export interface StepContext {
  gen: prng.PRNG;
  ledger: TokenLedger;
  client: FuzzClient;
  step: number;
  log: YOpLog;
}

/**
 * A random user action. Returns a description for the replay log, or null when it found
 * nothing to act on (the caller then tries another kind).
 */
type Step = (context: StepContext) => string | null;

interface Located {
  node: PMNode;
  pos: number;
}

const FILLER = 'abdefghijklmnoprsuvyæøå ';

function textblocks(doc: PMNode): Located[] {
  const found: Located[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      found.push({ node, pos });
      return false;
    }
    return true;
  });
  return found;
}

function items(doc: PMNode): Located[] {
  const found: Located[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'item') found.push({ node, pos });
    return node.type.name === 'doc' || node.type.name === 'section';
  });
  return found;
}

/** Positions between items (and after each section title) where an item may go. */
function itemSlots(doc: PMNode): number[] {
  const slots: number[] = [];
  doc.forEach((section, sectionOffset) => {
    section.forEach((child, childOffset) => {
      slots.push(sectionOffset + 1 + childOffset + child.nodeSize);
    });
  });
  return slots;
}

function filler(gen: prng.PRNG): string {
  let text = '';
  const length = prng.int32(gen, 1, 4);
  for (let i = 0; i < length; i++) text += FILLER[prng.int32(gen, 0, FILLER.length - 1)];
  return text;
}

/** Puts the caret at `pos`, as the user's own edit leaves it. */
function caretAt(tr: Transaction, pos: number): Transaction {
  return tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size))));
}

const typeText: Step = ({ gen, ledger, client, step }) => {
  const block = prng.oneOf(gen, textblocks(client.state.doc));
  const offset = prng.oneOf(gen, offsetsOutsideTokens(blockText(block.node)));
  const text = prng.real53(gen) < 0.7 ? ledger.type(client.index, step) : filler(gen);
  const pos = block.pos + 1 + offset;
  client.dispatch(caretAt(client.state.tr.insertText(text, pos), pos + text.length));
  return `type ${JSON.stringify(text)} at ${pos}`;
};

const deleteInBlock: Step = ({ gen, client }) => {
  const candidates = textblocks(client.state.doc).filter((block) => block.node.content.size > 0);
  if (candidates.length === 0) return null;
  const block = prng.oneOf(gen, candidates);
  const size = block.node.content.size;
  const start = prng.int32(gen, 0, size - 1);
  const end = prng.int32(gen, start + 1, Math.min(size, start + 14));
  const from = block.pos + 1 + start;
  const to = block.pos + 1 + end;
  client.dispatch(caretAt(client.state.tr.delete(from, to), from));
  return `delete ${from}-${to}`;
};

const deleteAcrossBlocks: Step = ({ gen, client }) => {
  const blocks = textblocks(client.state.doc);
  if (blocks.length < 2) return null;
  const first = prng.int32(gen, 0, blocks.length - 2);
  const last = prng.int32(gen, first + 1, Math.min(blocks.length - 1, first + 5));
  const from = blocks[first]!.pos + 1 + prng.int32(gen, 0, blocks[first]!.node.content.size);
  const to = blocks[last]!.pos + 1 + prng.int32(gen, 0, blocks[last]!.node.content.size);
  const tr = client.state.tr.delete(from, to);
  if (!tr.docChanged) return null;
  client.dispatch(caretAt(tr, tr.mapping.map(from)));
  return `delete across blocks ${from}-${to}`;
};

const splitBlock: Step = ({ gen, client }) => {
  const doc = client.state.doc;
  const block = prng.oneOf(gen, textblocks(doc));
  const pos = block.pos + 1 + prng.oneOf(gen, offsetsOutsideTokens(blockText(block.node)));
  const $pos = doc.resolve(pos);
  // In a list, Enter splits the list item; elsewhere the block itself.
  const depth = $pos.depth >= 2 && $pos.node(-1).type.name === 'listItem' && prng.real53(gen) < 0.7 ? 2 : 1;
  if (!canSplit(doc, pos, depth)) return null;
  const tr = client.state.tr.split(pos, depth);
  client.dispatch(caretAt(tr, pos + 2 * depth));
  return `split at ${pos} depth ${depth}`;
};

const insertItem: Step = ({ gen, ledger, client, step }) => {
  const doc = client.state.doc;
  const slot = prng.oneOf(gen, itemSlots(doc));
  const node = doc.type.schema.nodeFromJSON(
    item({ title: `Punkt ${ledger.type(client.index, step)}`, caseLine: 'SAG-2024-00001 fz', body: [paragraph(ledger.type(client.index, step))] }),
  );
  client.dispatch(caretAt(client.state.tr.insert(slot, node), slot + 2));
  return `insert item at ${slot}`;
};

const moveItem: Step = ({ gen, client }) => {
  const doc = client.state.doc;
  const all = items(doc);
  if (all.length === 0) return null;
  const moved = prng.oneOf(gen, all);
  const end = moved.pos + moved.node.nodeSize;
  const slots = itemSlots(doc).filter((slot) => slot !== moved.pos && slot !== end);
  if (slots.length === 0) return null;
  const target = prng.oneOf(gen, slots);
  // One transaction, as dragging an item in the outline does.
  const tr = client.state.tr.delete(moved.pos, end);
  const at = tr.mapping.map(target);
  tr.insert(at, moved.node);
  client.dispatch(caretAt(tr, at + 2));
  return `move item ${moved.pos} to ${target}`;
};

const deleteItem: Step = ({ gen, client }) => {
  const all = items(client.state.doc);
  if (all.length === 0) return null;
  const doomed = prng.oneOf(gen, all);
  client.dispatch(client.state.tr.delete(doomed.pos, doomed.pos + doomed.node.nodeSize));
  return `delete item ${doomed.pos}`;
};

const toggleMark: Step = ({ gen, client }) => {
  const schema = client.state.schema;
  const markType = prng.bool(gen) ? schema.marks.bold! : schema.marks.italic!;
  const candidates = textblocks(client.state.doc).filter(
    (block) => block.node.content.size > 0 && block.node.type.allowsMarkType(markType),
  );
  if (candidates.length === 0) return null;
  const block = prng.oneOf(gen, candidates);
  const size = block.node.content.size;
  const start = prng.int32(gen, 0, size - 1);
  const from = block.pos + 1 + start;
  const to = block.pos + 1 + prng.int32(gen, start + 1, size);
  const has = client.state.doc.rangeHasMark(from, to, markType);
  const tr = has ? client.state.tr.removeMark(from, to, markType) : client.state.tr.addMark(from, to, markType.create());
  client.dispatch(tr.setSelection(TextSelection.create(tr.doc, from, to)));
  return `${has ? 'remove' : 'add'} ${markType.name} ${from}-${to}`;
};

const undo: Step = ({ client }) => (client.undo() ? 'undo' : null);
const redo: Step = ({ client }) => (client.redo() ? 'redo' : null);

/** The kinds of step, with their weights, and whether they may remove text. */
const STEPS: Array<{ name: string; weight: number; run: Step; removes: boolean }> = [
  { name: 'type', weight: 26, run: typeText, removes: false },
  { name: 'delete', weight: 18, run: deleteInBlock, removes: true },
  { name: 'deleteAcross', weight: 4, run: deleteAcrossBlocks, removes: true },
  { name: 'split', weight: 7, run: splitBlock, removes: false },
  { name: 'insertItem', weight: 3, run: insertItem, removes: false },
  { name: 'moveItem', weight: 4, run: moveItem, removes: false },
  { name: 'deleteItem', weight: 2, run: deleteItem, removes: true },
  { name: 'mark', weight: 10, run: toggleMark, removes: false },
  { name: 'undo', weight: 9, run: undo, removes: true },
  { name: 'redo', weight: 5, run: redo, removes: true },
];

/** FUZZ_STEPS=type,delete narrows a run to some kinds of step, to find which one breaks. */
const ENABLED_STEPS = process.env.FUZZ_STEPS ? STEPS.filter((step) => process.env.FUZZ_STEPS!.split(',').includes(step.name)) : STEPS;
const TOTAL_WEIGHT = ENABLED_STEPS.reduce((sum, step) => sum + step.weight, 0);

function pickStep(gen: prng.PRNG): (typeof STEPS)[number] {
  let roll = prng.int32(gen, 0, TOTAL_WEIGHT - 1);
  for (const step of ENABLED_STEPS) {
    if (roll < step.weight) return step;
    roll -= step.weight;
  }
  throw new Error('unreachable');
}

/**
 * Runs one random step on the context's client and returns its description. For steps that
 * may remove text, a token whose count in the client's document went down was removed by
 * this step and is recorded as deleted.
 */
export function randomStep(context: StepContext): string {
  const { gen, client, ledger } = context;
  if (prng.real53(gen) < 0.6) client.pause();
  for (;;) {
    const step = pickStep(gen);
    // Counting tokens costs a walk over the document; only steps that remove text need it.
    const before = step.removes ? tokenCounts(client.state.doc) : undefined;
    const opLabel = `client ${client.index} step ${context.step} (${step.name})`;
    const description = context.log.during(step.name, opLabel, () => step.run(context));
    if (description === null) continue;
    const label = `client ${client.index} step ${context.step} (${description})`;
    if (before) {
      const after = tokenCounts(client.state.doc);
      for (const [name, count] of before) if ((after.get(name) ?? 0) < count) ledger.delete(name, label, opLabel);
    }
    return label;
  }
}
