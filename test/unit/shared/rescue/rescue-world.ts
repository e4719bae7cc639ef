/**
 * A world for the rescue tests: a "server" Y.Doc with the rescuer, as server/sync runs it, and
 * headless editor clients bound to their Y.Docs as the app binds them (with the copy
 * recorder). Updates go client → server → client, in the orders the tests choose.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { agendaBody, item, paragraph, section } from '../../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../../shared/agenda/agenda-file';
import { bodyFragment, writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { moveItemTo } from '../../../../shared/agenda/item-moves';
import { EMPTY_MEETING_FACTS } from '../../../../shared/agenda/meeting-facts';
import { OrphanRescuer } from '../../../../shared/rescue/orphan-rescuer';
import { agendaRescuerOptions } from '../../../../shared/rescue/agenda-rescuer-options';
import { FuzzClient } from '../../../fuzz/fuzz-client';

const open: Array<{ destroy(): void }> = [];
/** The rescuer of each server `setUp` made. */
const rescuers = new WeakMap<Y.Doc, OrphanRescuer>();


/** Has `things` destroyed by `closeWorlds`. */
export function closeLater(...things: Array<{ destroy(): void }>): void {
  open.push(...things);
}

/** Destroys the documents, clients and rescuers the helpers made (call after each test). */
export function closeWorlds(): void {
  for (const thing of open.splice(0)) thing.destroy();
}

/** A server with the rescuer and two clients, all holding the same three-item agenda. */
export function setUp(): { server: Y.Doc; rescuer: OrphanRescuer; anna: FuzzClient; bo: FuzzClient } {
  return setUpWith(
    agendaBody([
      section('Sager', [
        item({ title: 'Første', caseLine: 'SAG-1 ab', body: [paragraph('Alfa beta gamma.')] }),
        item({ title: 'Anden', caseLine: 'SAG-2 ab', body: [paragraph('Delta epsilon.')] }),
        item({ title: 'Tredje', caseLine: 'SAG-3 ab', body: [paragraph('Zeta eta.')] }),
      ]),
    ]),
  );
}

/** An item titled `title` whose body reads "<title> tekst.". */
export function plainItem(title: string): JSONContent {
  return item({ title, caseLine: 'SAG ab', body: [paragraph(`${title} tekst.`)] });
}

/** A server with the rescuer and two clients, all holding three sections: "Orientering" with "Nul", "Sager" with the items titled `sager`, "Diverse" with "Sidste". */
export function setUpSections(sager: string[]): ReturnType<typeof setUp> {
  return setUpWith(agendaBody([section('Orientering', [plainItem('Nul')]), section('Sager', sager.map(plainItem)), section('Diverse', [plainItem('Sidste')])]));
}

/** A server with the rescuer and two clients, all holding the agenda `body`. */
export function setUpWith(body: JSONContent): { server: Y.Doc; rescuer: OrphanRescuer; anna: FuzzClient; bo: FuzzClient } {
  const server = new Y.Doc();
  writeNewAgenda(server, agendaFile(EMPTY_MEETING_FACTS, body));
  const rescuer = new OrphanRescuer(server, agendaRescuerOptions());
  rescuers.set(server, rescuer);
  const state = Y.encodeStateAsUpdate(server);
  const anna = new FuzzClient(0, 100, state);
  const bo = new FuzzClient(1, 101, state);
  open.push(anna, bo, rescuer, server);
  return { server, rescuer, anna, bo };
}

/** The three-item world where Anna has added the paragraph `text` to "Første" after its first, and the server and Bo have it. */
export function withSecondParagraph(text: string): ReturnType<typeof setUp> {
  const world = setUp();
  addParagraph(world.anna, 'Alfa beta gamma.', text);
  upload(world.anna, world.server, world.rescuer);
  download(world.bo, world.server);
  return world;
}

/** A third person, Carl, holding the server's state (client id 102 unless given). */
export function joinCarl(server: Y.Doc, clientId = 102): FuzzClient {
  const carl = new FuzzClient(2, clientId, Y.encodeStateAsUpdate(server));
  open.push(carl);
  return carl;
}

/** Splits the paragraph after `text`. */
export function splitAfter(client: FuzzClient, text: string): void {
  client.dispatch(client.state.tr.split(after(client.state.doc, text)));
}

/** Joins the paragraph after `text` with the next one (Delete at its end). */
export function joinAfter(client: FuzzClient, text: string): void {
  const end = after(client.state.doc, text);
  client.dispatch(client.state.tr.delete(end, end + 2));
}

/** Expects `shown` to hold the three items, "Første" once, as `line`. */
export function expectFirstOnce(shown: string[], line: string): void {
  expect(shown.filter((item) => item.startsWith('Første'))).toEqual([line]);
  expect(shown).toHaveLength(3);
}

/** Takes the client's last step back (Ctrl-Z) and makes it again (Ctrl-Y), each an undo step of its own. */
export function undoThenRedo(client: FuzzClient): void {
  client.pause();
  expect(client.undo()).toBe(true);
  client.pause();
  expect(client.redo()).toBe(true);
}

/** Deletes the paragraph holding `text` and takes that back (Ctrl-Z), each an undo step of its own: the undo writes the paragraph anew. */
export function deleteThenUndo(client: FuzzClient, text: string): void {
  client.pause();
  deleteParagraph(client, text);
  client.pause();
  expect(client.undo()).toBe(true);
}

/** Sends what the server lacks from `client` (as a reconnecting client's sync does), and lets the rescuer act. */
export function upload(client: FuzzClient, server: Y.Doc, rescuer: OrphanRescuer): void {
  deliver(Y.encodeStateAsUpdate(client.ydoc, Y.encodeStateVector(server)), server, rescuer, client);
}

/** Applies one update from a client (`sender`, where known) to the server as server/sync does, and lets the rescuer act. */
export function deliver(update: Uint8Array, server: Y.Doc, rescuer: OrphanRescuer, sender?: FuzzClient): void {
  rescuer.noteIncoming(update, sender ? new Set([sender.ydoc.clientID]) : null);
  Y.applyUpdate(server, update, 'client');
  rescuer.rescue();
}

/** Sends what `client` lacks from the server. */
export function download(client: FuzzClient, server: Y.Doc): void {
  Y.applyUpdate(client.ydoc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client.ydoc)), 'server');
}

/** The position just after `text` in the client's document. */
export function after(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
    return found < 0;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

export function type(client: FuzzClient, at: string, text: string): void {
  const pos = after(client.state.doc, at);
  const tr = client.state.tr.insertText(text, pos);
  client.dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + text.length)));
}

export function deleteText(client: FuzzClient, text: string): void {
  const end = after(client.state.doc, text);
  client.dispatch(client.state.tr.delete(end - text.length, end));
}

/** Splits the block after `text` and types `paragraph` into the new one. */
export function addParagraph(client: FuzzClient, text: string, paragraph: string): void {
  const end = after(client.state.doc, text);
  client.dispatch(client.state.tr.split(end));
  client.dispatch(client.state.tr.insertText(paragraph, end + 2));
}

/** The position of the item titled `title` in the client's document. */
export function itemPosition(client: FuzzClient, title: string): number {
  let found = -1;
  client.state.doc.descendants((node, pos) => {
    if (node.type.name === 'item' && node.child(0).textContent === title) found = pos;
    return found < 0 && node.type.name !== 'item';
  });
  if (found < 0) throw new Error(`no item is titled "${title}"`);
  return found;
}

/** Moves the item titled `title` to `to` (default: the end of its section), with the app's move command. */
export function moveItem(client: FuzzClient, title: string, to = client.state.doc.child(0).nodeSize - 1): void {
  expect(moveItemTo(itemPosition(client, title), to)(client.state, (tr) => client.dispatch(tr))).toBe(true);
}

/** The `idKey` of the Y element of the item titled `title` in the client's document. */
export function itemKeyOf(client: FuzzClient, title: string): string {
  const index = bodyFragment(client.ydoc)
    .toArray()
    .flatMap((section) => (section instanceof Y.XmlElement ? section.toArray() : []))
    .find((child) => child instanceof Y.XmlElement && child.nodeName === 'item' && (child.get(0) as Y.XmlElement).toString().includes(`>${title}<`));
  if (!index) throw new Error(`no item is titled "${title}"`);
  const { client: id, clock } = (index as Y.XmlElement)._item!.id;
  return `${id}:${clock}`;
}

/** Deletes the paragraph whose whole text is `text`. */
export function deleteParagraph(client: FuzzClient, text: string): void {
  const end = after(client.state.doc, text);
  client.dispatch(client.state.tr.delete(end - text.length - 1, end + 1));
}

/** Where the section titled `title` is in the client's document. */
export function sectionAt(client: FuzzClient, title: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  client.state.doc.forEach((node, offset) => {
    if (node.child(0).textContent === title) found = { from: offset, to: offset + node.nodeSize };
  });
  if (!found) throw new Error(`no section is titled "${title}"`);
  return found;
}

/** Deletes the section titled `title`, as a whole. */
export function deleteSection(client: FuzzClient, title: string): void {
  const { from, to } = sectionAt(client, title);
  client.dispatch(client.state.tr.delete(from, to));
}

/** Moves the item titled `title` to the end of the section titled `into`. */
export function moveIntoSection(client: FuzzClient, title: string, into: string): void {
  moveItem(client, title, sectionAt(client, into).to - 1);
}

/** Deletes the item titled `title`, as a whole. */
export function deleteItem(client: FuzzClient, title: string): void {
  const itemPos = itemPosition(client, title);
  client.dispatch(client.state.tr.delete(itemPos, itemPos + client.state.doc.nodeAt(itemPos)!.nodeSize));
}

/**
 * Bo moves the item "Første" without having seen Anna's work; his move reaches the server
 * first, then her work. The items both then show.
 */
export function afterBosMove({ server, rescuer, anna, bo }: ReturnType<typeof setUp>): string[] {
  moveItem(bo, 'Første');
  upload(bo, server, rescuer);
  upload(anna, server, rescuer);
  return settle(server, bo, anna);
}

/**
 * Brings `clients` up to the server's state, and the server up to what they then send (a
 * client deletes copies of what it deleted when their record arrives), until nothing changes;
 * the items they all show (they must show the same).
 */
export function settle(server: Y.Doc, ...clients: FuzzClient[]): string[] {
  const rescuer = rescuers.get(server)!;
  for (let round = 0; round < 8; round++) {
    for (const client of clients) download(client, server);
    const before = Y.encodeStateAsUpdate(server);
    for (const client of clients) upload(client, server, rescuer);
    if (Buffer.compare(before, Y.encodeStateAsUpdate(server)) === 0) break;
  }
  const shown = items(clients[0]!);
  for (const client of clients.slice(1)) expect(items(client)).toEqual(shown);
  return shown;
}

/** Item titles in order, each with its body text. */
export function items(client: FuzzClient): string[] {
  const found: string[] = [];
  client.state.doc.descendants((node) => {
    if (node.type.name !== 'item') return true;
    found.push(`${node.child(0).textContent}: ${node.textBetween(node.child(0).nodeSize + node.child(1).nodeSize, node.content.size, ' ')}`);
    return false;
  });
  return found;
}
