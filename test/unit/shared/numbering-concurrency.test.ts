// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type { Node as PMNode } from '@tiptap/pm/model';
import { agendaBody, item, link, section } from '../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../shared/agenda/agenda-file';
import { agendaNumbers } from '../../../shared/agenda/numbering';
import { bodyFragment, readAgenda, writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { agendaExtensions, agendaSchema, findUnsafeLinks } from '../../../shared/schema';
import { DocumentField } from '../../../shared/protocol/document-fields';

const meeting = { committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Viborg' } as const;

/** A Y.Doc holding a small agenda, and a second one that has synced with it. */
function twoSyncedDocs(): [Y.Doc, Y.Doc] {
  const first = new Y.Doc();
  writeNewAgenda(
    first,
    agendaFile(
      meeting,
      agendaBody([
        section('Godkendelse af referat', [item({ title: 'Referat', caseLine: 'SAG-2024-00001 ab' })]),
        section('Regionalpolitiske sager', [item({ title: 'Første sag', caseLine: 'SAG-2024-00002 ab' }), item({ title: 'Anden sag', caseLine: 'SAG-2024-00003 ab' })]),
        section('Eventuelt'),
      ]),
    ),
  );
  const second = new Y.Doc();
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
  return [first, second];
}

/** A new item as a Y element (what the editor binding writes when an item is inserted). */
function yItem(title: string): Y.XmlElement {
  const element = new Y.XmlElement('item');
  element.setAttribute('closed', false as unknown as string);
  const itemTitle = new Y.XmlElement('itemTitle');
  itemTitle.insert(0, [new Y.XmlText(title)]);
  const caseLine = new Y.XmlElement('caseLine');
  caseLine.insert(0, [new Y.XmlText('SAG-2024-09999 xy')]);
  element.insert(0, [itemTitle, caseLine]);
  return element;
}

function sectionElement(doc: Y.Doc, index: number): Y.XmlElement {
  return bodyFragment(doc).get(index) as Y.XmlElement;
}

function syncBoth(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function bodyNode(doc: Y.Doc): PMNode {
  return agendaSchema().nodeFromJSON(readAgenda(doc).body);
}

describe('numbering under concurrent inserts', () => {
  it('gives unique, gap-free numbers after two clients insert items into the same section at once', () => {
    const [first, second] = twoSyncedDocs();
    // Both insert at the same places, neither knowing of the other: after the title
    // (index 1), between the two items, and at the end.
    for (const [doc, who] of [[first, 'A'], [second, 'B']] as const) {
      const target = sectionElement(doc, 1);
      doc.transact(() => {
        target.insert(1, [yItem(`${who} først`)]);
        target.insert(3, [yItem(`${who} midt`)]);
        target.insert(target.length, [yItem(`${who} sidst`)]);
      });
    }
    syncBoth(first, second);

    const body = bodyNode(first);
    expect(body.eq(bodyNode(second))).toBe(true);
    const numbers = agendaNumbers(body);
    expect(numbers.map((number) => number.label)).toEqual(agendaNumbers(bodyNode(second)).map((number) => number.label));

    const labels = numbers.map((number) => number.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(numbers.filter((number) => number.kind === 'section').map((number) => number.label)).toEqual(['1.', '2.', '3.']);
    const inSecond = numbers.filter((number) => number.kind === 'item' && number.section === 2);
    // 2 items to start with, 3 from each client: 8, numbered 2.1. to 2.8. without gaps.
    expect(inSecond.map((number) => number.label)).toEqual(['2.1.', '2.2.', '2.3.', '2.4.', '2.5.', '2.6.', '2.7.', '2.8.']);
    // Every number points at an item whose title is one of the eight.
    const titles = inSecond.map((number) => body.nodeAt(number.pos)!.child(0).textContent).sort();
    expect(titles).toEqual(['A først', 'A midt', 'A sidst', 'Anden sag', 'B først', 'B midt', 'B sidst', 'Første sag']);
    // The other sections keep their numbers.
    expect(numbers.filter((number) => number.kind === 'item' && number.section !== 2).map((number) => number.label)).toEqual(['1.1.']);
  });
});

describe('unsafe links arriving through Yjs', () => {
  let editor: Editor | undefined;
  afterEach(() => editor?.destroy());

  it('removes a javascript: link that another client put into the Y.Doc', () => {
    const [remote, local] = twoSyncedDocs();
    editor = new Editor({
      element: document.createElement('div'),
      injectCSS: false,
      extensions: [...agendaExtensions, Collaboration.configure({ document: local, field: DocumentField.Body })],
    });
    const linkMark = editor.schema.marks.link!;
    expect(editor.state.doc.textContent).toContain('Første sag');

    // The other client bypasses the editor and writes a link mark straight into Yjs: a
    // paragraph in the first item with text marked as a javascript: link.
    const firstItem = sectionElement(remote, 0).get(1) as Y.XmlElement;
    const evil = new Y.XmlElement('paragraph');
    const evilText = new Y.XmlText();
    evil.insert(0, [evilText]);
    remote.transact(() => {
      firstItem.insert(firstItem.length, [evil]);
      evilText.insert(0, 'klik her', { link: { href: 'javascript:alert(document.cookie)', target: null, rel: null, class: null, title: null } });
    });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));

    // The text arrived, without the link.
    const doc = editor.state.doc;
    expect(doc.textContent).toContain('klik her');
    expect(findUnsafeLinks(doc, linkMark)).toEqual([]);
    let linked = false;
    doc.descendants((node) => {
      if (node.marks.some((mark) => mark.type === linkMark)) linked = true;
    });
    expect(linked).toBe(false);
  });

  it('keeps a safe https link that arrives the same way', () => {
    const [remote, local] = twoSyncedDocs();
    editor = new Editor({
      element: document.createElement('div'),
      injectCSS: false,
      extensions: [...agendaExtensions, Collaboration.configure({ document: local, field: DocumentField.Body })],
    });
    const firstItem = sectionElement(remote, 0).get(1) as Y.XmlElement;
    const good = new Y.XmlElement('paragraph');
    const goodText = new Y.XmlText();
    good.insert(0, [goodText]);
    remote.transact(() => {
      firstItem.insert(firstItem.length, [good]);
      goodText.insert(0, 'referatet', { link: link('https://www.kl.dk/referat.pdf').attrs });
    });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
    const hrefs: string[] = [];
    editor.state.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') hrefs.push(mark.attrs.href as string);
    });
    expect(hrefs).toEqual(['https://www.kl.dk/referat.pdf']);
  });
});
