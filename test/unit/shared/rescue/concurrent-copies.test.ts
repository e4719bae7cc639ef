// @vitest-environment jsdom
// (TipTap reads `window` while building the editor plugins that the headless clients use)
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaBody, item, paragraph, section } from '../../../../shared/agenda/agenda-builders';
import { planConcurrentMerges, type CopyIndex } from '../../../../shared/rescue/concurrent-copies';
import { copierOf, copyIdOf, deletedKeyOf, forwardingMap, idKey, readForwardingEntry, type KeyedEntry } from '../../../../shared/rescue/forwarding';
import type { OrphanRescuer } from '../../../../shared/rescue/orphan-rescuer';
import type { FuzzClient } from '../../../fuzz/fuzz-client';
import { closeWorlds, download, itemKeyOf, itemPosition, items, joinCarl, moveIntoSection, moveItem, settle, setUp, setUpWith, type, upload } from './rescue-world';

afterEach(closeWorlds);

/** Every readable forwarding entry of `doc`, indexed as the rescuer indexes those in force. */
function copyIndexOf(doc: Y.Doc): CopyIndex {
  const all: KeyedEntry[] = [];
  forwardingMap(doc).forEach((value, key) => {
    const entry = readForwardingEntry(value);
    if (entry) all.push({ key, entry });
  });
  all.sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    entries: (deleted) => all.filter(({ key }) => deletedKeyOf(key) === deleted),
    byCopier: (copier) => all.filter(({ key }) => copierOf(key) === copier),
    into: (copy) => all.filter(({ entry }) => idKey(copyIdOf(entry)) === copy),
  };
}

/** Sends what the server lacks from `clients` with its rescuer stopped: the test asks the planner itself. */
function uploadUnmerged(server: Y.Doc, rescuer: OrphanRescuer, ...clients: FuzzClient[]): void {
  rescuer.destroy();
  for (const client of clients) Y.applyUpdate(server, Y.encodeStateAsUpdate(client.ydoc, Y.encodeStateVector(server)));
}

describe('planning the merge of copies made at once', () => {
  it('pairs what the copy both were made from held, text a merge put there too, when planned from the first original', () => {
    const item3 = (title: string) => item({ title, caseLine: 'SAG-1 ab', body: [paragraph(`${title} tekst.`)] });
    const { server, rescuer, anna, bo } = setUpWith(agendaBody([section('Sager', [item3('Første'), item3('Anden')]), section('Diverse', [item3('Sidste')])]));
    const carl = joinCarl(server);
    const original = itemKeyOf(anna, 'Første');
    const intoDiverse = (client: FuzzClient): void => moveIntoSection(client, 'Første', 'Diverse');
    // Bo and Carl move the item at once, and Carl types into his copy: the server merges it into Bo's.
    intoDiverse(bo);
    intoDiverse(carl);
    type(carl, 'Første tekst', ' ⟦carl⟧');
    upload(bo, server, rescuer);
    upload(carl, server, rescuer);
    settle(server, anna, bo, carl);
    // Anna moves that copy back; then Anna and Bo move her copy at once.
    moveIntoSection(anna, 'Første', 'Sager');
    upload(anna, server, rescuer);
    settle(server, anna, bo, carl);
    intoDiverse(anna);
    intoDiverse(bo);
    uploadUnmerged(server, rescuer, anna, bo);

    const merges = planConcurrentMerges(server, original, copyIndexOf(server), () => true);
    expect(merges).toHaveLength(1);
    // Nothing is new to the copy that goes: Carl's text is in both (it was in the copy they forked from).
    expect(merges[0]!.unique).toEqual([]);
  });

  it('pairs text that an earlier merge put into the kept copy, when the copy merged away was moved again (planned from the first original)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const carl = joinCarl(server);
    const original = itemKeyOf(anna, 'Første');
    // Bo and Carl move the item at once and type into their copies, Carl at two places: Bo's
    // copy goes into Carl's (it has less of its own), with what Bo typed.
    moveItem(bo, 'Første');
    moveItem(carl, 'Første');
    type(bo, 'Alfa', ' ⟦bo⟧');
    type(carl, 'beta', ' ⟦c1⟧');
    type(carl, 'gamma', ' ⟦c2⟧');
    upload(carl, server, rescuer);
    upload(bo, server, rescuer);
    download(anna, server);
    expect(items(anna)).toContain('Første: Alfa ⟦bo⟧ beta ⟦c1⟧ gamma ⟦c2⟧.');
    // Bo, not having seen the merge, moves his copy again.
    moveItem(bo, 'Første', itemPosition(bo, 'Anden'));
    uploadUnmerged(server, rescuer, bo);

    const merges = planConcurrentMerges(server, original, copyIndexOf(server), () => true);
    expect(merges).toHaveLength(1);
    const unique = merges[0]!.unique.map((part) => (part.kind === 'chars' ? (part.item.content as Y.ContentString).str.slice(part.from, part.to) : '(a block)'));
    // What Bo typed is in Carl's copy since the first merge: nothing is new to the copy that goes.
    expect(unique).toEqual([]);
  });
});
