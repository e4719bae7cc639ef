// @vitest-environment jsdom
// (TipTap reads `window` while building the editor plugins that the headless clients use)
/**
 * The rescue of text typed into a block that someone moved at the same time (shared/rescue):
 * clients are headless editors bound to their Y.Docs as the app binds them (with the copy
 * recorder); the "server" is a Y.Doc with the rescuer, as server/sync runs it. Updates go
 * client → server → client, in the orders the tests choose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaBody, bulletList, item, paragraph, section } from '../../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../../shared/agenda/agenda-file';
import { bodyFragment, writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { EMPTY_MEETING_FACTS } from '../../../../shared/agenda/meeting-facts';
import { forwardingMap } from '../../../../shared/rescue/forwarding';
import { OrphanRescuer } from '../../../../shared/rescue/orphan-rescuer';
import { agendaRescuerOptions } from '../../../../shared/rescue/agenda-rescuer-options';
import { fitsSchema } from '../../../../shared/rescue/schema-fit';
import { agendaSchema } from '../../../../shared/schema/agenda-schema';
import type { FuzzClient } from '../../../fuzz/fuzz-client';

import { closeLater, closeWorlds, deliver, setUp, setUpWith, setUpSections, plainItem, deleteSection, moveIntoSection, withSecondParagraph, joinCarl, splitAfter, joinAfter, expectFirstOnce, upload, download, after, type, deleteText, addParagraph, itemPosition, moveItem, itemKeyOf, deleteParagraph, deleteItem, afterBosMove, settle, items, undoThenRedo, deleteThenUndo } from './rescue-world';

afterEach(closeWorlds);

/** The case lines of the items in order. */
function caseLines(client: FuzzClient): string[] {
  const lines: string[] = [];
  client.state.doc.descendants((node) => {
    if (node.type.name === 'caseLine') lines.push(node.textContent);
    return node.type.name !== 'caseLine';
  });
  return lines;
}

describe('rescuing text typed into a moved item', () => {
  it('keeps the text a split took along, and what Carl typed into the deleted text, when Bo then moves the item having seen neither', () => {
    const { server, rescuer, anna, bo } = setUp();
    anna.dispatch(anna.state.tr.insert(after(anna.state.doc, 'Alfa beta'), anna.state.schema.nodes.hardBreak!.create()));
    upload(anna, server, rescuer);
    download(bo, server);
    const carl = joinCarl(server);
    splitAfter(anna, 'Alfa beta');
    type(carl, 'Alfa', ' ⟦carl⟧');
    upload(anna, server, rescuer);
    upload(carl, server, rescuer);
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    const shown = settle(server, anna, bo, carl).join(' ');
    expect(shown.split('⟦carl⟧')).toHaveLength(2);
    expect(shown).toContain('beta');
  });

  it('keeps what Carl typed into a text of the moved copy whose original a split deleted (the server empties that text, it does not delete it)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const at = after(anna.state.doc, 'Alfa beta');
    anna.dispatch(anna.state.tr.insert(at, anna.state.schema.nodes.hardBreak!.create()));
    upload(anna, server, rescuer);
    download(bo, server);
    // Anna splits before the line break; y-tiptap keeps the break and what follows in the old
    // paragraph and deletes its first text (written anew into a new paragraph before it).
    splitAfter(anna, 'Alfa beta');
    upload(anna, server, rescuer);
    // Bo, not knowing, moves the item; Carl has Bo's move (not yet the server's answer) and types into that first text.
    moveItem(bo, 'Første');
    const carl = joinCarl(bo.ydoc);
    type(carl, 'Alfa', ' ⟦carl⟧');
    upload(bo, server, rescuer);
    upload(carl, server, rescuer);
    const shown = settle(server, anna, bo, carl);
    expect(shown.join(' ').split('⟦carl⟧')).toHaveLength(2);
  });

  describe('when, after the server had put her typing into Bo\'s copy, she split it off and took the split back (her undo writes it anew)', () => {
    /** Anna types at the end of "Første" while Bo moves it; the server puts her words into his copy. */
    const rescuedIntoBosCopy = () => {
      const world = setUp();
      type(world.anna, 'Alfa beta gamma.', ' ⟦anna⟧');
      world.anna.pause();
      moveItem(world.bo, 'Første');
      upload(world.bo, world.server, world.rescuer);
      upload(world.anna, world.server, world.rescuer);
      return world;
    };
    /** Anna, still without Bo's move, splits her words off into a paragraph of their own and takes that back. */
    const splitOffAndUndo = (anna: FuzzClient): void => {
      splitAfter(anna, 'gamma.');
      anna.pause();
      expect(anna.undo()).toBe(true);
    };

    it('puts her typing back once', () => {
      const { server, rescuer, anna, bo } = rescuedIntoBosCopy();
      splitOffAndUndo(anna);
      expect(items(anna)[0]).toBe('Første: Alfa beta gamma. ⟦anna⟧');
      upload(anna, server, rescuer);
      expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. ⟦anna⟧']);
    });

    it('puts her typing back once when Bo had split it off in his copy', () => {
      const { server, rescuer, anna, bo } = rescuedIntoBosCopy();
      // Bo gets her typing (the server put it into his copy) and splits it off into a paragraph of its own.
      download(bo, server);
      splitAfter(bo, 'gamma.');
      upload(bo, server, rescuer);
      splitOffAndUndo(anna);
      upload(anna, server, rescuer);
      // Her split counts as a deletion there (the server cannot tell), so Bo's copy of it goes; her undo's copy stays.
      const shown = settle(server, anna, bo);
      expect(shown.slice(0, 2)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.']);
      expect(shown[2]!.split('⟦anna⟧')).toHaveLength(2);
    });
  });

  it('keeps what Anna typed into a paragraph\'s text that Bo\'s undo deleted meanwhile (his typing had made the text; y-tiptap deletes it whole)', () => {
    const { server, rescuer, anna, bo } = setUpWith(agendaBody([section('Sager', [item({ title: 'Første', caseLine: 'SAG-1 ab', body: [paragraph('Alfa.'), paragraph('')] })])]));
    bo.dispatch(bo.state.tr.insertText('Bo', after(bo.state.doc, 'Alfa.') + 2));
    upload(bo, server, rescuer);
    download(anna, server);
    type(anna, 'Bo', ' ⟦anna⟧');
    bo.pause();
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Første: Alfa.  ⟦anna⟧']);
  });

  it('puts what Anna typed into the item Bo moved meanwhile, at the place she typed it (move reaches the server first)', () => {
    const world = setUp();
    type(world.anna, 'Alfa beta', ' ⟦anna⟧');
    expect(afterBosMove(world)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta ⟦anna⟧ gamma.']);
    expect(Y.encodeStateVector(world.bo.ydoc)).toEqual(Y.encodeStateVector(world.server));
  });

  it('does the same when her typing reaches the server before the move', () => {
    const { server, rescuer, anna, bo } = setUp();
    type(anna, 'Alfa beta', ' ⟦anna⟧');
    moveItem(bo, 'Første');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta ⟦anna⟧ gamma.']);
  });

  it('follows a move of a move, and keeps the order of text she typed in several goes', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    moveItem(bo, 'Anden');
    upload(bo, server, rescuer);
    // Anna has seen neither move; she types in two goes, each reaching the server on its own.
    type(anna, 'Alfa', ' én');
    upload(anna, server, rescuer);
    type(anna, 'Alfa én', ' to');
    upload(anna, server, rescuer);
    expect(settle(server, bo, anna)).toEqual(['Tredje: Zeta eta.', 'Første: Alfa én to beta gamma.', 'Anden: Delta epsilon.']);
  });

  it('keeps a paragraph she added to the moved item', () => {
    const world = setUp();
    addParagraph(world.anna, 'gamma.', 'Nyt afsnit ⟦anna⟧');
    expect(afterBosMove(world)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. Nyt afsnit ⟦anna⟧']);
  });

  it('lets her deletions in the moved item win too, and does not bring back what she typed and deleted', () => {
    const world = setUp();
    type(world.anna, 'gamma', ' tastefejl');
    deleteText(world.anna, ' tastefejl');
    deleteText(world.anna, ' beta');
    expect(afterBosMove(world)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa gamma.']);
  });

  it('does not bring back the end of what she typed and deleted when both reach the server in one batch (one Yjs item, part of it deleted)', () => {
    const world = setUp();
    const sent: Uint8Array[] = [];
    world.anna.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') sent.push(update);
    });
    type(world.anna, 'gamma', ' ⟦anna⟧ tastefejl');
    deleteText(world.anna, ' tastefejl');
    moveItem(world.bo, 'Første');
    upload(world.bo, world.server, world.rescuer);
    deliver(Y.mergeUpdates(sent), world.server, world.rescuer, world.anna);
    expect(settle(world.server, world.bo, world.anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma ⟦anna⟧.']);
  });

  // One update brings her split and her deletion of the whole item, which makes every deletion in
  // it look like one with the item: the split's copy stands for what it took out of the text.
  // The item stays where Bo moved it (see above); the words she split off are there once.
  it.each([
    ['typed into a paragraph', (anna: FuzzClient) => type(anna, 'gamma.', ' ⟦anna⟧ og ⟦mere⟧'), 'Første: Alfa beta gamma. ⟦anna⟧  og ⟦mere⟧'],
    ['typed as a new paragraph', (anna: FuzzClient) => addParagraph(anna, 'gamma.', 'Nyt ⟦anna⟧ og ⟦mere⟧'), 'Første: Alfa beta gamma. Nyt ⟦anna⟧  og ⟦mere⟧'],
  ])('puts what Anna %s and split off once, when she then deleted the item Bo had moved (one update)', (_, write, expected) => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    write(anna);
    splitAfter(anna, '⟦anna⟧');
    deleteItem(anna, 'Første');
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', expected]);
  });

  describe('Anna typed into the item Bo moved; the server deleted her typing on arrival and put it into his copy', () => {
    const annasTypingRescued = () => {
      const world = setUp();
      const carl = joinCarl(world.server);
      moveItem(world.bo, 'Første');
      upload(world.bo, world.server, world.rescuer);
      type(world.anna, 'Alfa beta', ' ⟦anna⟧');
      const relayed: Uint8Array[] = [];
      world.server.on('update', (update: Uint8Array) => relayed.push(update));
      upload(world.anna, world.server, world.rescuer);
      return { ...world, carl, relayed };
    };

    it('does not take the server\'s deletion for Carl\'s when he sends everything he knows after time away', () => {
      const { server, rescuer, anna, bo, carl, relayed } = annasTypingRescued();
      // Carl got her typing, deleted, but went offline before the rescue (and never saw the move).
      Y.applyUpdate(carl.ydoc, relayed[0]!, 'server');
      upload(carl, server, rescuer);
      expect(settle(server, anna, bo, carl)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta ⟦anna⟧ gamma.']);
    });

    it('lets her own deletion of it win when she sends it after time away', () => {
      const { server, rescuer, anna, bo, carl } = annasTypingRescued();
      deleteText(anna, ' ⟦anna⟧');
      upload(anna, server, rescuer);
      expect(settle(server, anna, bo, carl)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma.']);
    });
  });

  it('does not bring back text typed into an item that was deleted (delete wins)', () => {
    const { server, rescuer, anna, bo } = setUp();
    type(anna, 'Alfa', ' ⟦anna⟧');
    deleteItem(bo, 'Første');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    download(anna, server);
    expect(items(anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.']);
  });

  for (const first of ['the move', 'the deletion'] as const) {
    it(`keeps an item that Bo deleted while Anna moved it, where she moved it: nothing is lost (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = setUp();
      deleteItem(bo, 'Første');
      moveItem(anna, 'Første');
      for (const client of first === 'the move' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma.']);
    });
  }

  it('puts what Anna typed into a deleted item back when Bo undoes the deletion', () => {
    const { server, rescuer, anna, bo } = setUp();
    deleteItem(bo, 'Første');
    upload(bo, server, rescuer);
    type(anna, 'Alfa', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    // Bo sees her typing arrive in the item he deleted, and then takes his deletion back.
    download(bo, server);
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Første: Alfa ⟦anna⟧ beta gamma.', 'Anden: Delta epsilon.', 'Tredje: Zeta eta.']);
  });

  it('puts what Anna typed into a deleted item back when Bo undoes the deletion only after many others\' edits (he was offline)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    deleteItem(bo, 'Første');
    upload(bo, server, rescuer);
    bo.pause();
    type(anna, 'Alfa', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    // Bo goes offline; Carl types meanwhile, each keystroke an update of its own.
    for (let key = 0; key < 600; key++) {
      type(carl, 'Delta', 'x');
      upload(carl, server, rescuer);
    }
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo, carl)[0]).toEqual('Første: Alfa ⟦anna⟧ beta gamma.');
  });

  it('puts what Anna typed into a deleted item back when Bo undoes the deletion in the same undo step as a later edit', () => {
    const { server, rescuer, anna, bo } = setUp();
    deleteItem(bo, 'Første');
    upload(bo, server, rescuer);
    type(anna, 'Alfa', ' ⟦anna⟧');
    type(anna, 'Delta', ' ⟦later⟧');
    upload(anna, server, rescuer);
    download(bo, server);
    // Still the same undo step: it now deletes something of Anna's typed after her first words.
    deleteText(bo, ' ⟦later⟧');
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Første: Alfa ⟦anna⟧ beta gamma.', 'Anden: Delta ⟦later⟧ epsilon.', 'Tredje: Zeta eta.']);
  });

  it('keeps an item once that Anna moved while Bo deleted it and took the deletion back', () => {
    const { server, rescuer, anna, bo } = setUp();
    deleteItem(bo, 'Første');
    moveItem(anna, 'Første');
    upload(anna, server, rescuer);
    download(bo, server);
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    const shown = settle(server, anna, bo);
    expectFirstOnce(shown, 'Første: Alfa beta gamma.');
  });

  it('keeps an item once, with what Carl typed into it, when Bo undoes his move after Carl moved it again', () => {
    const { server, rescuer, bo } = setUp();
    const carl = joinCarl(server);
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    download(carl, server);
    moveItem(carl, 'Første', itemPosition(carl, 'Anden'));
    type(carl, 'Alfa', ' ⟦carl⟧');
    upload(carl, server, rescuer);
    // Bo has not seen Carl's move: his undo deletes the copy he made and restores the original.
    bo.pause();
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    const shown = settle(server, bo, carl);
    expectFirstOnce(shown, 'Første: Alfa ⟦carl⟧ beta gamma.');
  });

  it('puts what Anna typed into a paragraph once, when Bo joined it to the one before and took the join back', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa beta');
    upload(bo, server, rescuer);
    download(anna, server);
    bo.pause();
    joinAfter(bo, 'Alfa beta');
    upload(bo, server, rescuer);
    bo.pause();
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    type(anna, 'gamma', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)[0]).toEqual('Første: Alfa beta  gamma ⟦anna⟧.');
  });

  it('ignores forwarding entries it cannot read (a damaged or foreign value) and still syncs', () => {
    const { server, rescuer, anna, bo } = setUp();
    bo.ydoc.transact(() => {
      forwardingMap(bo.ydoc).set('1:2>3:4', 'nonsense' as never);
      forwardingMap(bo.ydoc).set('garbage', { to: [-1, 2], runs: [1], known: [] } as never);
    });
    type(anna, 'Delta', ' ⟦anna⟧');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    download(bo, server);
    expect(items(bo)[1]).toBe('Anden: Delta ⟦anna⟧ epsilon.');
  });

  it('keeps an item that two people moved at the same time once, and forwards what is typed into the merged-away copy', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(anna, 'Første');
    moveItem(bo, 'Første');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    // Bo has not seen that his copy was merged away, and types into it.
    type(bo, 'Alfa', ' ⟦bo⟧');
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa ⟦bo⟧ beta gamma.']);
  });

  it('keeps an item once that Anna moved while Bo moved it, took the move back and made it again (Ctrl-Z, Ctrl-Y)', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(anna, 'Første');
    moveItem(bo, 'Første');
    bo.pause();
    expect(bo.undo()).toBe(true);
    expect(bo.redo()).toBe(true);
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    const shown = settle(server, anna, bo);
    expectFirstOnce(shown, 'Første: Alfa beta gamma.');
  });

  it('keeps an item once that Anna moved while Bo moved it and deleted it, when Bo then takes the deletion back', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(bo, 'Første');
    bo.pause();
    deleteItem(bo, 'Første');
    moveItem(anna, 'Første', itemPosition(anna, 'Tredje'));
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    download(bo, server);
    // His undo restores his copy (a new entry for it, none for the original both copied).
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    const shown = settle(server, anna, bo);
    expectFirstOnce(shown, 'Første: Alfa beta gamma.');
  });

  it('keeps an item once that three people moved at the same time, with what the third added, when the first two copies were merged already', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    for (const client of [anna, bo, carl]) moveItem(client, 'Første');
    type(carl, 'Alfa', ' ⟦carl⟧');
    addParagraph(bo, 'gamma.', 'Nyt ⟦bo⟧');
    upload(anna, server, rescuer);
    // Carl's copy holds more of its own: Anna's goes into it.
    upload(carl, server, rescuer);
    // Bo's copy is then to be merged with Carl's, which Anna's copy leads to through that merge.
    upload(bo, server, rescuer);
    expectFirstOnce(settle(server, anna, bo, carl), 'Første: Alfa ⟦carl⟧ beta gamma. Nyt ⟦bo⟧');
  });

  describe('when a third person moved a copy that was then merged into the other', () => {
    /** Anna and Bo move "Første" at once; Carl has Bo's copy and moves it again after the server merged Bo's copy into Anna's. */
    function threeWay(world: ReturnType<typeof setUp>, annasEdit: () => void): string[] {
      const { server, rescuer, anna, bo } = world;
      // Pins the order of entry keys (which copy a tie keeps).
      server.clientID = 4_000_000_000;
      const carl = joinCarl(server);
      moveItem(anna, 'Første');
      annasEdit();
      type(anna, 'Alfa', ' ⟦a⟧');
      moveItem(bo, 'Første');
      type(bo, 'gamma', ' ⟦b⟧');
      upload(bo, server, rescuer);
      download(carl, server);
      upload(anna, server, rescuer);
      type(carl, 'Alfa', ' ⟦c⟧');
      moveItem(carl, 'Første', itemPosition(carl, 'Anden'));
      upload(carl, server, rescuer);
      return settle(server, anna, bo, carl);
    }

    // Anna and Carl typed at the same place at once: either order.
    const either = (shown: string[], rest: string): void => {
      const first = shown.filter((line) => line.startsWith('Første'));
      expect(shown).toHaveLength(3);
      expect([[`Første: Alfa ⟦a⟧ ⟦c⟧${rest}`], [`Første: Alfa ⟦c⟧ ⟦a⟧${rest}`]]).toContainEqual(first);
    };

    it('does not bring back a word Anna deleted in her copy', () => {
      const world = setUp();
      either(threeWay(world, () => deleteText(world.anna, ' beta')), ' gamma ⟦b⟧.');
    });

    it('does not bring back a paragraph Anna deleted in her copy', () => {
      const world = withSecondParagraph('Pq Xw.');
      either(threeWay(world, () => deleteParagraph(world.anna, 'Pq Xw.')), ' beta gamma ⟦b⟧.');
    });
  });

  it('ignores a forwarding entry written in another client\'s name (one marking her move as undone)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    const original = itemKeyOf(carl, 'Første');
    carl.ydoc.transact(() => {
      forwardingMap(carl.ydoc).set(`${original}>${anna.ydoc.clientID}:${Number.MAX_SAFE_INTEGER}`, { to: [0, 0], runs: [], known: [], restore: true });
    });
    upload(carl, server, rescuer);
    moveItem(anna, 'Første');
    moveItem(bo, 'Første');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma.']);
  });

  it('keeps an item that two people moved at the same time once when both went on editing their copy: additions and deletions of both', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(anna, 'Første');
    deleteText(anna, ' beta');
    type(anna, 'Første', ' ⟦anna⟧');
    moveItem(bo, 'Første');
    type(bo, 'gamma.', ' ⟦bo⟧');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første ⟦anna⟧: Alfa gamma. ⟦bo⟧']);
    // What Bo types into his copy afterwards (not yet knowing it went) follows into the kept item.
    type(bo, 'Alfa', ' ⟦senere⟧');
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første ⟦anna⟧: Alfa ⟦senere⟧ gamma. ⟦bo⟧']);
  });

  it('keeps an item that two people moved at once once when one of them then joined two of its paragraphs: what the other typed follows the join', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa beta');
    upload(bo, server, rescuer);
    download(anna, server);
    // Anna moves the item and joins its two paragraphs again; Bo moves it and types into the second.
    moveItem(anna, 'Første');
    joinAfter(anna, 'Alfa beta');
    moveItem(bo, 'Første');
    type(bo, 'gamma', ' ⟦bo⟧');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma ⟦bo⟧.']);
  });

  it('keeps an item that two people moved at once once, without a word deleted in the copy that goes, when the kept one\'s side joined that paragraph away', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa beta');
    upload(bo, server, rescuer);
    download(anna, server);
    moveItem(anna, 'Første');
    joinAfter(anna, 'Alfa beta');
    moveItem(bo, 'Første');
    type(bo, 'gamma', ' ⟦bo⟧');
    deleteText(bo, 'gamma');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    // The item is there once, with Anna's join, Bo's word and without the word he deleted.
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta  ⟦bo⟧.']);
  });

  it('keeps an item that two people moved at once once when each deleted a paragraph and took that back (an undo writes it anew) while the other typed into it', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Omega to.');
    addParagraph(anna, 'Omega to.', 'Psi tre.');
    upload(anna, server, rescuer);
    download(bo, server);
    moveItem(anna, 'Første');
    deleteThenUndo(anna, 'Omega to.');
    type(anna, 'Psi', ' ⟦anna⟧');
    moveItem(bo, 'Første');
    deleteThenUndo(bo, 'Psi tre.');
    type(bo, 'Omega', ' ⟦bo⟧');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expectFirstOnce(settle(server, anna, bo), 'Første: Alfa beta gamma. Omega ⟦bo⟧ to. Psi ⟦anna⟧ tre.');
  });

  it('loses nothing of an item that two people moved at once and each joined two other paragraphs of', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa');
    splitAfter(bo, 'beta');
    upload(bo, server, rescuer);
    download(anna, server);
    // Anna joins the first two paragraphs, Bo the last two; each types into the other's join.
    moveItem(anna, 'Første');
    joinAfter(anna, 'Alfa');
    type(anna, 'gamma', ' ⟦anna⟧');
    moveItem(bo, 'Første');
    joinAfter(bo, 'beta');
    type(bo, 'Alfa', ' ⟦bo⟧');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    // Merging the copies would have to undo one join; both stay (the item twice), nothing lost.
    const first = settle(server, anna, bo).filter((line) => line.startsWith('Første'));
    for (const word of ['Alfa', 'beta', 'gamma.', '⟦anna⟧', '⟦bo⟧']) expect(first.some((line) => line.includes(word)), word).toBe(true);
  });

  for (const first of ['Anna', 'Bo'] as const) {
    it(`does not bring back what Anna deleted by joining two paragraphs across it, when Bo moved the item meanwhile (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = withSecondParagraph('Nyt ⟦x⟧ afsnit.');
      // One deletion from the end of the first paragraph to just after "⟦x⟧": a join.
      anna.dispatch(anna.state.tr.delete(after(anna.state.doc, 'gamma.'), after(anna.state.doc, 'Nyt ⟦x⟧')));
      moveItem(bo, 'Første');
      for (const client of first === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      expect(settle(server, anna, bo).filter((shown) => shown.startsWith('Første'))).toEqual(['Første: Alfa beta gamma. afsnit.']);
    });
  }

  for (const first of ['Carl', 'Bo'] as const) {
    it(`does not bring back a word Carl deleted before he moved the item and took the move back, when Bo moved it meanwhile (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = setUp();
      // Carl's client id sorts after Bo's: Bo's copy is the one kept when the two are merged.
      const carl = joinCarl(server);
      // Carl's update (after hours offline, say) deletes the word and the text it was in at once.
      deleteText(carl, ' beta');
      carl.pause();
      moveItem(carl, 'Første');
      expect(carl.undo()).toBe(true);
      moveItem(bo, 'Første');
      for (const client of first === 'Carl' ? [carl, bo] : [bo, carl]) upload(client, server, rescuer);
      expect(settle(server, anna, bo, carl).filter((shown) => shown.startsWith('Første'))).toEqual(['Første: Alfa gamma.']);
    });
  }

  describe('an undo that takes a deletion back is not undone by the server', () => {
    /**
     * Carl, alone, makes `steps` one undo step (calling `sync` between edits uploads them one
     * by one when `each` is set; otherwise they arrive together, as after time offline), then
     * undoes it. Returns what he sees after the undo and what everyone sees in the end.
     */
    function undoneAlone(each: boolean, steps: (carl: FuzzClient, sync: () => void) => void): { carlSees: string[]; shown: string[] } {
      const { server, rescuer, anna, bo } = withSecondParagraph('Nyt afsnit.');
      const carl = joinCarl(server);
      steps(carl, () => {
        if (each) upload(carl, server, rescuer);
      });
      expect(carl.undo()).toBe(true);
      const carlSees = items(carl);
      upload(carl, server, rescuer);
      return { carlSees, shown: settle(server, anna, bo, carl) };
    }
    const whole = ['Første: Alfa beta gamma. Nyt afsnit.', 'Anden: Delta epsilon.', 'Tredje: Zeta eta.'];

    const cases: Array<[string, (carl: FuzzClient) => void, (carl: FuzzClient) => void]> = [
      ['Backspace through a word and on into a join with the paragraph before', (carl) => deleteText(carl, 'Nyt '), (carl) => joinAfter(carl, 'Alfa beta gamma.')],
      ['delete a word, then move the item', (carl) => deleteText(carl, ' beta'), (carl) => moveItem(carl, 'Første')],
      ['delete a paragraph, then the whole item', (carl) => deleteParagraph(carl, 'Nyt afsnit.'), (carl) => deleteItem(carl, 'Første')],
      ['delete a paragraph, then move the item', (carl) => deleteParagraph(carl, 'Nyt afsnit.'), (carl) => moveItem(carl, 'Første')],
    ];
    for (const each of [false, true]) {
      for (const [name, firstEdit, secondEdit] of cases) {
        it(`${name} (${each ? 'each edit synced' : 'all synced at the end'})`, () => {
          const { carlSees, shown } = undoneAlone(each, (carl, sync) => {
            firstEdit(carl);
            sync();
            secondEdit(carl);
          });
          expect(carlSees).toEqual(whole);
          expect(shown).toEqual(whole);
        });
      }
    }
  });

  it('does not bring back a paragraph Anna deleted when Bo, who had not seen that, deleted the item and took it back (delete wins)', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Nyt afsnit.');
    deleteParagraph(anna, 'Nyt afsnit.');
    upload(anna, server, rescuer);
    deleteItem(bo, 'Første');
    upload(bo, server, rescuer);
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo).filter((shown) => shown.startsWith('Første'))).toEqual(['Første: Alfa beta gamma.']);
  });

  describe('one person alone, whose edits reach the server in one update (after time offline)', () => {
    /** Carl does `steps` alone; everyone must end with what he sees. */
    function carlAlone(steps: (carl: FuzzClient) => void): { carlSees: string[]; shown: string[] } {
      const { server, rescuer, anna, bo } = withSecondParagraph('Nyt afsnit her.');
      const carl = joinCarl(server);
      steps(carl);
      const carlSees = items(carl);
      upload(carl, server, rescuer);
      return { carlSees, shown: settle(server, carl, anna, bo) };
    }
    // Each case: Carl's edits, each its own undo step.
    const typeT0 = (carl: FuzzClient): void => type(carl, 'her.', ' t0');
    const deleteT0 = (carl: FuzzClient): void => deleteText(carl, ' t0');
    const undo = (carl: FuzzClient): void => void expect(carl.undo()).toBe(true);
    const move = (carl: FuzzClient): void => moveItem(carl, 'Første');
    const deleteFirst = (carl: FuzzClient): void => deleteItem(carl, 'Første');
    const deleteNew = (carl: FuzzClient): void => deleteParagraph(carl, 'Nyt afsnit her.');
    const cases: Array<[string, Array<(carl: FuzzClient) => void>]> = [
      ['delete a paragraph someone else wrote, then move the item', [deleteNew, move]],
      ['delete a word someone else wrote, then move the item', [(carl) => deleteText(carl, ' afsnit'), move]],
      ['type, undo the typing, move the item', [typeT0, undo, move]],
      ['type, delete what he typed, move the item', [typeT0, deleteT0, move]],
      ['type, delete what he typed, delete the item, undo that', [typeT0, deleteT0, deleteFirst, undo]],
      ['delete a paragraph someone else wrote, delete the item, undo that', [deleteNew, deleteFirst, undo]],
      ['delete a word, split the paragraph, undo the split', [(carl) => deleteText(carl, ' beta'), (carl) => splitAfter(carl, 'Alfa'), undo]],
    ];
    for (const [name, edits] of cases) {
      it(name, () => {
        const { carlSees, shown } = carlAlone((carl) =>
          edits.forEach((edit, index) => {
            if (index > 0) carl.pause();
            edit(carl);
          }),
        );
        expect(shown).toEqual(carlSees);
      });
    }
  });

  it('does not bring back a paragraph Carl deleted because the server had put Anna\'s typing into Bo\'s copy of it', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Nyt afsnit.');
    const carl = joinCarl(server);
    moveItem(bo, 'Første');
    type(anna, 'Nyt', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    download(carl, server);
    upload(bo, server, rescuer);
    deleteParagraph(carl, 'Nyt ⟦anna⟧ afsnit.');
    upload(carl, server, rescuer);
    expect(settle(server, anna, bo, carl).filter((line) => line.startsWith('Første'))).toEqual(['Første: Alfa beta gamma.']);
  });

  for (const alsoOwn of [false, true]) {
    it(`keeps a word Anna deleted deleted when Carl, unaware, deleted the item and took that back${alsoOwn ? ', having deleted a word of his own in the same step' : ''}`, () => {
      const { server, rescuer, anna } = setUp();
      const carl = joinCarl(server);
      deleteText(anna, ' gamma');
      upload(anna, server, rescuer);
      if (alsoOwn) deleteText(carl, ' beta');
      deleteItem(carl, 'Første');
      upload(carl, server, rescuer);
      expect(carl.undo()).toBe(true);
      upload(carl, server, rescuer);
      // (Not the exact text: when both deleted the space between two words, the server cannot
      // tell whose deletion that space was, and it may come back.)
      const first = settle(server, anna, carl).filter((line) => line.startsWith('Første'));
      expect(first).toHaveLength(1);
      expect(first[0]).toContain('Alfa beta');
      expect(first[0]).not.toContain('gamma');
    });
  }

  for (const when of ['Anna first', 'Bo first', 'after the merge'] as const) {
    it(`keeps what Bo typed into his copy of a paragraph Anna joined away when he then moves the item again (${when})`, () => {
      const { server, rescuer, anna, bo } = withSecondParagraph('Nyt x afsnit.');
      anna.dispatch(anna.state.tr.delete(after(anna.state.doc, 'gamma.'), after(anna.state.doc, 'Nyt x')));
      moveItem(bo, 'Første');
      bo.pause();
      type(bo, 'afsnit', ' ⟦bo⟧');
      if (when === 'after the merge') {
        upload(bo, server, rescuer);
        upload(anna, server, rescuer);
        expect(settle(server, anna, bo).join('|').split('⟦bo⟧')).toHaveLength(2);
      }
      bo.pause();
      moveItem(bo, 'Første', itemPosition(bo, 'Anden'));
      for (const client of when === 'Bo first' ? [bo, anna] : [anna, bo]) upload(client, server, rescuer);
      expect(settle(server, anna, bo).join('|').split('⟦bo⟧')).toHaveLength(2);
    });
  }

  for (const first of ['Anna', 'Bo'] as const) {
    it(`keeps what Bo typed into his copy of a paragraph Anna joined away meanwhile (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = withSecondParagraph('Nyt x afsnit.');
      anna.dispatch(anna.state.tr.delete(after(anna.state.doc, 'gamma.'), after(anna.state.doc, 'Nyt x')));
      moveItem(bo, 'Første');
      bo.pause();
      type(bo, 'afsnit', ' ⟦bo⟧');
      for (const client of first === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      const first_ = settle(server, anna, bo).filter((shown) => shown.startsWith('Første'));
      expect(first_).toHaveLength(1);
      expect(first_[0]!.split('⟦bo⟧')).toHaveLength(2);
    });
  }

  it('keeps a paragraph added to the copy that goes, in its place in the kept item', () => {
    const { server, rescuer, anna, bo } = setUp();
    moveItem(anna, 'Første');
    moveItem(bo, 'Første');
    addParagraph(bo, 'Alfa beta gamma.', 'Nyt afsnit.');
    upload(bo, server, rescuer);
    type(anna, 'Alfa', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa ⟦anna⟧ beta gamma. Nyt afsnit.']);
  });

  it('keeps an item once that Anna moved while Bo moved it and took the move back (his undo restores the original with all it holds)', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Andet afsnit.');
    // Anna's move makes the item hers (its id sorts before Bo's copies: the order entries are read in must not matter).
    moveItem(anna, 'Første');
    upload(anna, server, rescuer);
    download(bo, server);
    anna.pause();
    moveItem(anna, 'Første', itemPosition(anna, 'Anden'));
    moveItem(bo, 'Første', itemPosition(bo, 'Anden'));
    bo.pause();
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Første: Alfa beta gamma. Andet afsnit.', 'Anden: Delta epsilon.', 'Tredje: Zeta eta.']);
  });

  for (const first of ['Anna', 'Bo'] as const) {
    it(`keeps a paragraph once that Bo deleted and took back while Anna moved the item (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = withSecondParagraph('Andet afsnit.');
      moveItem(anna, 'Første');
      deleteParagraph(bo, 'Andet afsnit.');
      bo.pause();
      expect(bo.undo()).toBe(true);
      for (const client of first === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. Andet afsnit.']);
    });

    it(`keeps a paragraph once that Bo deleted and took back before he deleted the item, which Anna moved meanwhile (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = withSecondParagraph('Andet afsnit.');
      moveItem(anna, 'Første');
      deleteParagraph(bo, 'Andet afsnit.');
      bo.pause();
      expect(bo.undo()).toBe(true);
      bo.pause();
      deleteItem(bo, 'Første');
      for (const client of first === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. Andet afsnit.']);
    });
  }

  describe('two people typing at once into one empty paragraph (two Y texts, which the editor writes into one)', () => {
    /** "Første" with an empty second paragraph, into which Anna and Bo have typed at once; Carl has seen neither. */
    const typedIntoEmpty = () => {
      const world = setUpWith(
        agendaBody([section('Sager', [item({ title: 'Første', caseLine: 'SAG-1 ab', body: [paragraph('Alfa.'), paragraph('')] }), item({ title: 'Anden', caseLine: 'SAG-2 ab', body: [paragraph('Delta.')] })])]),
      );
      const carl = joinCarl(world.server);
      for (const [client, text] of [[world.anna, '⟦anna⟧'], [world.bo, '⟦bo⟧']] as const) client.dispatch(client.state.tr.insertText(text, after(client.state.doc, 'Alfa.') + 2));
      return { ...world, carl };
    };
    /** Expects each one's text once. */
    const expectBothOnce = (shown: string[]): void => {
      expect(shown.join(' | ').split('⟦anna⟧')).toHaveLength(2);
      expect(shown.join(' | ').split('⟦bo⟧')).toHaveLength(2);
    };

    it('keeps both once when a third moved the item meanwhile', () => {
      const { server, rescuer, anna, bo, carl } = typedIntoEmpty();
      upload(anna, server, rescuer);
      // Bo sees Anna's text next to his in one paragraph: two Y texts, which his editor writes into one with his next step.
      download(bo, server);
      bo.pause();
      type(bo, '⟦bo⟧', '.');
      // Carl, having seen neither, moves the item; his move reaches the server before Bo's work.
      moveItem(carl, 'Første');
      upload(carl, server, rescuer);
      upload(bo, server, rescuer);
      expectBothOnce(settle(server, anna, bo, carl));
    });

    it('keeps both once when the editor\'s writing one text into the other reaches the server in two updates', () => {
      const { server, rescuer, anna, bo, carl } = typedIntoEmpty();
      upload(anna, server, rescuer);
      upload(bo, server, rescuer);
      // Carl, having seen neither, moves the item: the server puts both texts into his copy.
      moveItem(carl, 'Første');
      upload(carl, server, rescuer);
      // Bo gets Anna's text, not the move: his editor writes his text into hers, and deletes his
      // own in a transaction of its own. Each reaches the server alone, the rescue acting between.
      const updates: Uint8Array[] = [];
      bo.ydoc.on('update', (update: Uint8Array) => updates.push(update));
      Y.applyUpdate(bo.ydoc, Y.encodeStateAsUpdate(anna.ydoc, Y.encodeStateVector(bo.ydoc)), 'server');
      bo.pause();
      type(bo, '⟦bo⟧', '.');
      expect(updates.length).toBeGreaterThan(2);
      for (const update of updates) deliver(update, server, rescuer);
      expectBothOnce(settle(server, anna, bo, carl));
    });
  });

  it('puts what Anna typed into the case line into the item Carl moved, when he had emptied the case line of Bo\'s copy he moved (no entry for the text)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    download(carl, server);
    type(anna, 'SAG-1 ab', ' ⟦anna⟧');
    // Carl empties the case line of Bo's copy and moves that: his copy of the case line has no text to pair with.
    deleteText(carl, 'SAG-1 ab');
    carl.pause();
    moveItem(carl, 'Første', itemPosition(carl, 'Anden'));
    upload(carl, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo, carl)[0]).toBe('Første: Alfa beta gamma.');
    expect(caseLines(anna)[0]).toBe(' ⟦anna⟧');
  });

  for (const first of ['the mover who saw it', 'the mover who did not'] as const) {
    it(`keeps text that only one of two people moving an item at once had seen, once (${first} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = setUp();
      // Client id 1000 sorts before Bo's (101) in the forwarding keys: on a tie Carl's copy would be kept.
      const carl = joinCarl(server, 1000);
      type(anna, 'Alfa beta', ' ⟦x⟧');
      upload(anna, server, rescuer);
      download(bo, server);
      // Bo has seen Anna's text, Carl has not; both move the item.
      moveItem(bo, 'Første');
      moveItem(carl, 'Første');
      const movers = first === 'the mover who saw it' ? [bo, carl] : [carl, bo];
      for (const mover of movers) upload(mover, server, rescuer);
      for (const client of [anna, bo, carl]) download(client, server);
      expect(items(anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta ⟦x⟧ gamma.']);
      expect(items(carl)).toEqual(items(anna));
    });
  }

  it('keeps text once that was put back past a move of a move, when a third person moved the item too', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    type(anna, 'Alfa', ' ⟦anna⟧');
    // Carl has seen Anna's text and moves the item; Bo has not, and moves it twice.
    Y.applyUpdate(carl.ydoc, Y.encodeStateAsUpdate(anna.ydoc, Y.encodeStateVector(carl.ydoc)));
    moveItem(carl, 'Første');
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    moveItem(bo, 'Første', itemPosition(bo, 'Anden'));
    upload(bo, server, rescuer);
    // Her text goes straight into Bo's second copy; then Carl's copy is merged with it.
    upload(anna, server, rescuer);
    upload(carl, server, rescuer);
    const shown = settle(server, anna, bo, carl);
    expectFirstOnce(shown, 'Første: Alfa ⟦anna⟧ beta gamma.');
  });

  it('puts back the part of a run of typing that the mover had not seen yet', () => {
    const { server, rescuer, anna, bo } = setUp();
    type(anna, 'Alfa', ' set');
    upload(anna, server, rescuer);
    download(bo, server);
    // Typed right after: Yjs merges it with the characters Bo has seen into one item.
    type(anna, 'Alfa set', ' usét');
    upload(anna, server, rescuer);
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    expect(settle(server, bo, anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa set usét beta gamma.']);
  });

  it('keeps the order of two runs she typed at one place when the mover deleted the text before them, after a bold word', () => {
    const { server, rescuer, anna, bo } = setUp();
    // Two runs, the later one first in the text: two Yjs items that go back one by one.
    type(anna, 'Alfa', '[én]');
    type(anna, 'Alfa', '{to}');
    moveItem(bo, 'Første');
    // The place is then the end of the bold mark: what goes there first lands before the end mark.
    const al = after(bo.state.doc, 'Al');
    bo.dispatch(bo.state.tr.addMark(al - 2, al, bo.state.schema.marks.bold!.create()));
    deleteText(bo, 'fa');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, bo, anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Al{to}[én] beta gamma.']);
  });

  it('keeps what she typed into an emptied paragraph of the moved item in order when part of it is bold, next to what the mover typed there', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('xy');
    // Emptied, not deleted: the paragraph keeps its Yjs text, which Bo's move does not copy.
    deleteText(anna, 'xy');
    upload(anna, server, rescuer);
    download(bo, server);
    moveItem(bo, 'Første');
    bo.dispatch(bo.state.tr.insertText('dbus', after(bo.state.doc, 'gamma.') + 2));
    const end = after(anna.state.doc, 'gamma.');
    anna.dispatch(anna.state.tr.insertText('[én]{to}', end + 2));
    // The mark splits her typing into two Yjs items, which go back one by one.
    anna.dispatch(anna.state.tr.addMark(end + 6, end + 10, anna.state.schema.marks.bold!.create()));
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    const first = settle(server, anna, bo).filter((line) => line.startsWith('Første'));
    expect(first).toHaveLength(1);
    expect(['Første: Alfa beta gamma. [én]{to}dbus', 'Første: Alfa beta gamma. dbus[én]{to}']).toContain(first[0]);
  });

  it('puts a paragraph she added and then joined to the one before back once, when she had seen the move before her work reached the server', () => {
    const { server, rescuer, anna, bo } = setUp();
    addParagraph(anna, 'gamma.', 'Nyt ⟦anna⟧');
    joinAfter(anna, 'gamma.');
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    // Her update then deletes the paragraph and the item it was in: the join's entry tells them apart.
    download(anna, server);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma.Nyt ⟦anna⟧']);
  });

  it('puts a paragraph she added back before the copy of the next one when the mover joined the one before it away', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Andet afsnit');
    addParagraph(anna, 'Andet afsnit', 'Tredje afsnit');
    upload(anna, server, rescuer);
    download(bo, server);
    addParagraph(anna, 'Andet afsnit', 'Nyt ⟦anna⟧');
    moveItem(bo, 'Første');
    // The neighbour before her paragraph now lives on only as text inside another paragraph.
    joinAfter(bo, 'gamma.');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expectFirstOnce(settle(server, anna, bo), 'Første: Alfa beta gamma.Andet afsnit Nyt ⟦anna⟧ Tredje afsnit');
  });

  it('does not put an item she added anywhere when the copy of its section was deleted, though a neighbour was moved out of it first (delete wins)', () => {
    const { server, rescuer, anna, bo } = setUpSections(['Første', 'Anden']);
    // Anna adds an item between "Første" and "Anden".
    anna.dispatch(anna.state.tr.insert(itemPosition(anna, 'Anden'), anna.state.schema.nodeFromJSON(plainItem('Ny ⟦anna⟧'))));
    // Bo deletes "Sager" and takes that back (a copy), moves "Anden" into "Diverse", and deletes "Sager" for good.
    deleteSection(bo, 'Sager');
    bo.pause();
    expect(bo.undo()).toBe(true);
    bo.pause();
    moveIntoSection(bo, 'Anden', 'Diverse');
    bo.pause();
    deleteSection(bo, 'Sager');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Nul: Nul tekst.', 'Sidste: Sidste tekst.', 'Anden: Anden tekst.']);
  });

  it('follows a move of a move with what Anna typed into an item whose section Carl deleted meanwhile, unaware of the move (the item is moved, not deleted on purpose)', () => {
    const { server, rescuer, anna, bo } = setUpSections(['Første']);
    const carl = joinCarl(server);
    const dora = joinCarl(server, 103);
    // Bo moves "Første" into "Diverse", which Dora, unaware, deletes: his copy goes with it.
    moveIntoSection(bo, 'Første', 'Diverse');
    bo.pause();
    upload(bo, server, rescuer);
    deleteSection(dora, 'Diverse');
    upload(dora, server, rescuer);
    // Anna, unaware of both, types into "Første": it has no live copy yet, so her typing waits.
    type(anna, 'Første tekst.', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    // Carl, unaware of the move, deletes "Sager", where "Første" was.
    deleteSection(carl, 'Sager');
    upload(carl, server, rescuer);
    // Bo, not having seen Dora's deletion, moves "Første" on into "Orientering".
    moveIntoSection(bo, 'Første', 'Orientering');
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo, carl, dora)).toEqual(['Nul: Nul tekst.', 'Første: Første tekst. ⟦anna⟧']);
  });

  it('puts what Anna typed into an item Carl moved into a section Bo deleted and took back, once the rescue has put the moved item back', () => {
    const { server, rescuer, anna, bo } = setUpSections(['Første', 'Anden']);
    const carl = joinCarl(server);
    // Bo deletes "Diverse"; Carl, unaware, moves "Første" into it: his copy arrives deleted.
    deleteSection(bo, 'Diverse');
    upload(bo, server, rescuer);
    moveIntoSection(carl, 'Første', 'Diverse');
    upload(carl, server, rescuer);
    // Anna, unaware of both, types into "Første": its only copy is deleted, so her typing waits.
    type(anna, 'Første tekst.', ' ⟦anna⟧');
    upload(anna, server, rescuer);
    // Bo takes his deletion back: the rescue puts Carl's item into the restored section, and her typing into it.
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo, carl)).toEqual(['Nul: Nul tekst.', 'Anden: Anden tekst.', 'Sidste: Sidste tekst.', 'Første: Første tekst. ⟦anna⟧']);
  });

  describe('an item Carl moved into a section Bo deleted for good (deleted, taken back, deleted again), unaware', () => {
    for (const within of [false, true]) {
      it(`goes back where it was, with what Anna typed into it${within ? ' (Carl moved it on within the section)' : ''}`, () => {
        const { server, rescuer, anna, bo } = setUpSections(['Første', 'Anden']);
        const carl = joinCarl(server);
        deleteSection(bo, 'Diverse');
        undoThenRedo(bo);
        upload(bo, server, rescuer);
        // His copy arrives deleted, and the section's only copy (Bo's undo) is deleted too.
        moveIntoSection(carl, 'Første', 'Diverse');
        if (within) {
          carl.pause();
          moveItem(carl, 'Første', itemPosition(carl, 'Sidste'));
        }
        upload(carl, server, rescuer);
        // Anna, unaware of both, types into "Første".
        type(anna, 'Første tekst.', ' ⟦anna⟧');
        upload(anna, server, rescuer);
        expect(settle(server, anna, bo, carl)).toEqual(['Nul: Nul tekst.', 'Første: Første tekst. ⟦anna⟧', 'Anden: Anden tekst.']);
      });
    }
  });

  it('puts what Anna typed into an item with no text yet (a new, empty item) into the copy Bo made by moving it', () => {
    const { server, rescuer, anna, bo } = setUpWith(agendaBody([section('Sager', [item({ title: 'Første', caseLine: 'SAG-1 ab', body: [paragraph('Alfa.')] }), item({ title: '', caseLine: '', body: [paragraph('')] })])]));
    // Anna gives the empty item a title; Bo, not having seen that, moves it to the top.
    anna.dispatch(anna.state.tr.insertText('Tom ⟦anna⟧', itemPosition(anna, '') + 2));
    moveItem(bo, '', 1 + bo.state.doc.child(0).child(0).nodeSize);
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, anna, bo)).toEqual(['Tom ⟦anna⟧: ', 'Første: Alfa.']);
  });

  it('puts what Carl typed into an item whose texts Anna had emptied into the copy Bo made by moving it', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    // Anna empties the title, case line and text of "Tredje"; Bo and Carl see that.
    deleteText(anna, 'Zeta eta.');
    deleteText(anna, 'SAG-3 ab');
    deleteText(anna, 'Tredje');
    upload(anna, server, rescuer);
    download(bo, server);
    download(carl, server);
    // Bo moves the emptied item to the top; Carl, not having seen that, gives it a title.
    moveItem(bo, '', 1 + bo.state.doc.child(0).child(0).nodeSize);
    carl.dispatch(carl.state.tr.insertText('Ny titel ⟦carl⟧', itemPosition(carl, '') + 2));
    upload(bo, server, rescuer);
    upload(carl, server, rescuer);
    expect(settle(server, anna, bo, carl)).toEqual(['Ny titel ⟦carl⟧: ', 'Første: Alfa beta gamma.', 'Anden: Delta epsilon.']);
  });

  it('finishes, and still puts text back, when a client wrote forwarding entries that form cycles', () => {
    const { server, rescuer, anna, bo } = setUp();
    type(anna, 'Alfa', ' ⟦anna⟧');
    deleteText(anna, ' gamma');
    moveItem(bo, 'Første');
    upload(bo, server, rescuer);
    // A hostile or broken client points every forwarded type back at its original, many times over.
    const forwarding = forwardingMap(server);
    const pairs = [...forwarding.entries()].map(([key, value]) => [key.slice(0, key.indexOf('>')), value.to] as const);
    bo.ydoc.transact(() => {
      const map = forwardingMap(bo.ydoc);
      for (const [original, to] of pairs) {
        for (let copy = 0; copy < 40; copy++) map.set(`${to[0]}:${to[1]}>${bo.ydoc.clientID}:${1_000_000 + copy}`, { to: original.split(':').map(Number) as [number, number], runs: [], known: [] });
      }
    });
    upload(bo, server, rescuer);
    // Bo moves it again, to the top: the first copy is deleted, so the walks go through the cycles.
    moveItem(bo, 'Første', 1 + bo.state.doc.child(0).child(0).nodeSize);
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, bo, anna)).toEqual(['Første: Alfa ⟦anna⟧ beta.', 'Anden: Delta epsilon.', 'Tredje: Zeta eta.']);
  });

  it('puts a paragraph she added next to a neighbour that the mover then deleted where that neighbour was', () => {
    const { server, rescuer, anna, bo } = setUp();
    addParagraph(anna, 'gamma.', 'Nyt afsnit ⟦anna⟧');
    // Bo moves the item, adds a paragraph of his own and deletes the one Anna's follows.
    moveItem(bo, 'Første');
    addParagraph(bo, 'gamma.', 'Bos afsnit.');
    deleteParagraph(bo, 'Alfa beta gamma.');
    upload(bo, server, rescuer);
    upload(anna, server, rescuer);
    expect(settle(server, bo, anna)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Nyt afsnit ⟦anna⟧ Bos afsnit.']);
  });

  it('does not bring back, with a paragraph she added, the text she deleted in it before her work arrived', () => {
    const world = setUp();
    addParagraph(world.anna, 'gamma.', 'Nyt afsnit ⟦anna⟧');
    addParagraph(world.anna, 'Nyt afsnit ⟦anna⟧', 'Fortrudt');
    // Emptied, the paragraph's Y.XmlText is deleted: her update holds the text and its deletion.
    deleteText(world.anna, 'Fortrudt');
    // Her second paragraph comes back empty, as she left it.
    expect(afterBosMove(world)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. Nyt afsnit ⟦anna⟧ ']);
  });

  describe('when every copy known at first was deleted and a colleague\'s move of the same item arrives later', () => {
    /**
     * Bo moves the item and deletes his copy, Carl moves it too, offline; then Bo's work, and
     * Anna's (`annaWorks`, between two uploads of hers), reach the server before Carl's. What all three then show.
     */
    function withLateMove({ server, rescuer, anna, bo }: ReturnType<typeof setUp>, annaWorks: { before: () => void; after?: () => void }): string[] {
      const carl = joinCarl(server);
      annaWorks.before();
      moveItem(bo, 'Første');
      deleteItem(bo, 'Første');
      moveItem(carl, 'Første');
      upload(bo, server, rescuer);
      upload(anna, server, rescuer);
      annaWorks.after?.();
      upload(anna, server, rescuer);
      upload(carl, server, rescuer);
      return settle(server, anna, bo, carl);
    }

    it('puts her text into the copy that lives once that move arrives', () => {
      const world = setUp();
      expect(withLateMove(world, { before: () => type(world.anna, 'Alfa', ' ⟦anna⟧') })).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa ⟦anna⟧ beta gamma.']);
    });

    it('keeps the order of what she typed in two goes', () => {
      const world = setUp();
      const annaWorks = { before: () => type(world.anna, 'Alfa', ' én'), after: () => type(world.anna, 'Alfa én', ' to') };
      expect(withLateMove(world, annaWorks)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa én to beta gamma.']);
    });

    it('puts a paragraph she added there, with what she typed into it later', () => {
      const world = setUp();
      const annaWorks = { before: () => addParagraph(world.anna, 'gamma.', 'Nyt'), after: () => type(world.anna, 'Nyt', ' afsnit') };
      expect(withLateMove(world, annaWorks)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma. Nyt afsnit']);
    });

    it('does not bring back what she deleted meanwhile', () => {
      const world = setUp();
      const annaTypes = (): void => {
        type(world.anna, 'Alfa', ' ⟦anna⟧');
        type(world.anna, 'gamma', ' ⟦bliver⟧');
      };
      const annaWorks = { before: annaTypes, after: () => deleteText(world.anna, ' ⟦anna⟧') };
      expect(withLateMove(world, annaWorks)).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Alfa beta gamma ⟦bliver⟧.']);
    });

    it('does not bring back what she typed into a paragraph she deleted meanwhile', () => {
      const world = setUp();
      const annaTypes = (): void => {
        addParagraph(world.anna, 'gamma.', 'Andet afsnit');
        type(world.anna, 'Alfa', ' ⟦anna⟧');
      };
      expect(withLateMove(world, { before: annaTypes, after: () => deleteParagraph(world.anna, 'Alfa ⟦anna⟧ beta gamma.') })).toEqual(['Anden: Delta epsilon.', 'Tredje: Zeta eta.', 'Første: Andet afsnit']);
    });

    it('does not bring back a paragraph she added and deleted meanwhile, with its text', () => {
      const world = setUp();
      const annaWorks = { before: () => addParagraph(world.anna, 'gamma.', 'Nyt afsnit'), after: () => deleteParagraph(world.anna, 'Nyt afsnit') };
      expect(withLateMove(world, annaWorks)).toEqual([
        'Anden: Delta epsilon.',
        'Tredje: Zeta eta.',
        'Første: Alfa beta gamma.',
      ]);
    });
  });
});

describe('an element that concurrent deletions left empty', () => {
  it('gets the least content it needs from the server (one empty bullet), once, so that no editor deletes it', () => {
    const server = new Y.Doc();
    writeNewAgenda(server, agendaFile(EMPTY_MEETING_FACTS, agendaBody([section('Sager', [item({ title: 'Første', caseLine: 'SAG-1 ab', body: [bulletList(['En', 'To'])] })])])));
    const rescuer = new OrphanRescuer(server, agendaRescuerOptions());
    closeLater(rescuer, server);
    const list = (doc: Y.Doc): Y.XmlElement => bodyFragment(doc).createTreeWalker((type) => type instanceof Y.XmlElement && type.nodeName === 'bulletList').next().value as Y.XmlElement;
    // Anna deletes the first entry, Bo the second, neither knowing of the other.
    const [anna, bo] = [1, 2].map((clientID) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      return doc;
    }) as [Y.Doc, Y.Doc];
    list(anna).delete(0, 1);
    list(bo).delete(1, 1);
    for (const doc of [anna, bo]) deliver(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), server, rescuer);
    expect(list(server).toString()).toBe('<bulletlist><listitem><paragraph></paragraph></listitem></bulletlist>');
    expect(fitsSchema(agendaSchema(), list(server))).toBe(true);
  });
});
