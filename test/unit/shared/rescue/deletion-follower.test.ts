// @vitest-environment jsdom
// (TipTap reads `window` while building the editor plugins that the headless clients use)
/**
 * A deletion made without seeing a copy follows the copy (shared/rescue/deletion-follower.ts):
 * Bo deletes a word while Anna, not knowing, splits the paragraph (or undoes a split) and so
 * copies the word; and two people splitting one paragraph at once leave its text once.
 * Clients are headless editors with the copy recorder, as in the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFragment } from '../../../../shared/agenda/ydoc-agenda';
import { charCopiesMap } from '../../../../shared/rescue/char-copies';
import { forwardingMap } from '../../../../shared/rescue/forwarding';
import type { FuzzClient } from '../../../fuzz/fuzz-client';
import { after, closeWorlds, deleteParagraph, deleteText, download, joinCarl, moveItem, setUp, settle, splitAfter, type, undoThenRedo, upload, withSecondParagraph } from './rescue-world';

afterEach(closeWorlds);


/** The body of the item "Første" as shown, its paragraphs separated by " | ". */
function first(client: FuzzClient): string[] {
  const paragraphs: string[] = [];
  client.state.doc.descendants((node) => {
    if (node.type.name !== 'item') return true;
    if (node.child(0).textContent === 'Første') node.forEach((child, _, index) => void (index >= 2 && paragraphs.push(child.textContent)));
    return false;
  });
  return paragraphs;
}

describe('a deletion made without seeing a copy', () => {
  for (const order of ['Anna', 'Bo'] as const) {
    it(`follows the words Anna split off into a new paragraph (${order} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = setUp();
      splitAfter(anna, 'Alfa');
      deleteText(bo, ' gamma');
      for (const client of order === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      settle(server, anna, bo);
      expect(first(anna)).toEqual(['Alfa', ' beta.']);
    });
  }

  it('follows the words Anna split off and put back with Ctrl-Z', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(anna, 'Alfa');
    expect(anna.undo()).toBe(true);
    deleteText(bo, ' gamma');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna)).toEqual(['Alfa beta.']);
  });

  it('follows a copy of the copy: Carl, who had Anna\'s split but not Bo\'s deletion, moved the item', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(anna, 'Alfa');
    upload(anna, server, rescuer);
    const carl = joinCarl(server);
    moveItem(carl, 'Første');
    deleteText(bo, ' gamma');
    upload(carl, server, rescuer);
    upload(bo, server, rescuer);
    const shown = settle(server, anna, bo, carl);
    expect(shown.at(-1)).toBe('Første: Alfa  beta.');
  });

  it('follows what Bo deleted by Backspace across two paragraphs (a join) when Anna split off some of it', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Nyt x afsnit.');
    bo.dispatch(bo.state.tr.delete(after(bo.state.doc, 'Alfa'), after(bo.state.doc, 'Nyt x')));
    splitAfter(anna, 'Alfa beta');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    // (y-tiptap wrote Bo's join as a string diff that kept the old paragraph's final ".", which Anna's split then took along.)
    expect(first(anna).join('|')).toBe('Alfa afsnit|.');
  });

  for (const order of ['Anna', 'Bo'] as const) {
    it(`keeps both splits, the text once, when Anna and Bo split one paragraph at two places at once (${order} reaches the server first)`, () => {
      const { server, rescuer, anna, bo } = setUp();
      splitAfter(anna, 'Alfa');
      splitAfter(bo, 'Alfa beta');
      for (const client of order === 'Anna' ? [anna, bo] : [bo, anna]) upload(client, server, rescuer);
      settle(server, anna, bo);
      expect(first(anna)).toEqual(['Alfa', ' beta', ' gamma.']);
    });
  }

  it('keeps the text when Bo undoes his split after both splits met (the copy kept then goes with his undo)', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa beta');
    splitAfter(bo, 'Delta');
    splitAfter(anna, 'Alfa');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna)).toEqual(['Alfa', ' beta', ' gamma.']);
    expect(bo.undo()).toBe(true);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna).join('|')).toContain('gamma.');
  });

  it('keeps the text when Bo undid his splits before they arrived', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa beta');
    splitAfter(bo, 'Delta');
    expect(bo.undo()).toBe(true);
    splitAfter(anna, 'Alfa');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna).join('|')).toContain('gamma.');
  });

  it('does not take text that Anna\'s edit wrote again elsewhere for a deletion (a copy the recorder could not pair)', () => {
    const { server, rescuer, anna, bo } = setUp();
    const text = (content: string): Y.XmlText => {
      for (const type of bodyFragment(anna.ydoc).createTreeWalker((node) => node instanceof Y.XmlText && node.toString() === content)) return type as Y.XmlText;
      throw new Error(`no text "${content}"`);
    };
    // One edit takes " gamma" out of the paragraph and writes it into the case line (a block of another kind: no record).
    const paragraphText = text('Alfa beta gamma.');
    const caseLine = text('SAG-1 ab');
    anna.ydoc.transact(() => {
      paragraphText.delete(9, 6);
      caseLine.insert(caseLine.length, ' gamma');
    });
    splitAfter(bo, 'Alfa beta');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    // Twice rather than lost: Bo's copy of the words is not deleted as if Anna had deleted them.
    expect(first(anna)).toEqual(['Alfa beta', ' gamma.']);
  });

  it('does not take the words a join wrote again (y-tiptap kept the final ".") for deleted when the joined paragraph then goes and Anna split them off', () => {
    const { server, rescuer, anna, bo } = withSecondParagraph('Nyt x afsnit.');
    const carl = joinCarl(server);
    bo.dispatch(bo.state.tr.delete(after(bo.state.doc, 'Alfa beta'), after(bo.state.doc, 'Nyt')));
    deleteParagraph(carl, 'Alfa beta gamma.');
    splitAfter(anna, 'Nyt x');
    upload(anna, server, rescuer);
    upload(carl, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo, carl)[0]).toContain('afsnit');
  });

  it('follows a word Bo typed over (a selection replaced) when Anna split it off meanwhile', () => {
    const { server, rescuer, anna, bo } = setUp();
    const end = after(bo.state.doc, 'Alfa beta');
    bo.dispatch(bo.state.tr.insertText('(beta)', end - 4, end));
    splitAfter(anna, 'Alfa');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna)).toEqual(['Alfa(beta)', '  gamma.']);
  });

  it('keeps what Anna typed into the paragraph she split off', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(anna, 'Alfa');
    type(anna, 'gamma', ' ⟦anna⟧');
    deleteText(bo, ' gamma');
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna)).toEqual(['Alfa', ' beta ⟦anna⟧.']);
  });

  it('does not follow a copy when Bo took his deletion back with Ctrl-Z before the copy arrived', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(anna, 'Alfa');
    deleteText(bo, ' gamma');
    expect(bo.undo()).toBe(true);
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    // Bo's undo wrote " gamma" anew into the first paragraph; Anna's copy of it stays too.
    expect(first(anna).join(' | ')).toContain(' beta gamma.');
  });

  it('follows a deletion Bo took back with Ctrl-Z and made again with Ctrl-Y', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(anna, 'Alfa');
    deleteText(bo, ' gamma');
    undoThenRedo(bo);
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    settle(server, anna, bo);
    expect(first(anna)).toEqual(['Alfa', ' beta.']);
  });

  it('ignores damaged and hostile entries: a run of a billion characters costs a bounded walk and deletes nothing of others', () => {
    const { server, rescuer, anna, bo } = setUp();
    deleteText(bo, ' gamma');
    const author = [...server.store.clients.keys()].find((client) => client !== anna.ydoc.clientID && client !== bo.ydoc.clientID)!;
    anna.ydoc.transact(() => {
      charCopiesMap(anna.ydoc).set('100:1', 'nonsense' as never);
      charCopiesMap(anna.ydoc).set('100:2', { runs: [author, 0, 1_000_000_000, 999, 0] });
    });
    upload(anna, server, rescuer);
    upload(bo, server, rescuer);
    expect(settle(server, anna, bo)[0]).toBe('Første: Alfa beta.');
  });

  it('looks at a bounded number of characters per arrival, kept or not (a run of a billion taken back, hundreds of entries)', () => {
    const { server, rescuer, anna, bo } = setUp();
    splitAfter(bo, 'Alfa');
    deleteText(bo, ' gamma');
    upload(bo, server, rescuer);
    download(anna, server);
    const author = [...server.store.clients.keys()].find((client) => client !== anna.ydoc.clientID && client !== bo.ydoc.clientID)!;
    anna.ydoc.transact(() => {
      forwardingMap(anna.ydoc).set(`1:1>${anna.ydoc.clientID}:0`, { to: [999, 0], runs: [author, 0, 1_000_000_000, 999, 0], known: [], takesBack: [author, 0, 1_000_000_000] });
      for (let i = 0; i < 300; i++) charCopiesMap(anna.ydoc).set(`${anna.ydoc.clientID}:${i + 10}`, { runs: [author, 0, 1_000_000_000, 999, 0] });
    });
    upload(anna, server, rescuer);
    const started = performance.now();
    download(bo, server);
    // Generous: the walk is bounded at 200,000 characters (unbounded, this took minutes).
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(first(bo)).toEqual(['Alfa', ' beta.']);
  });
});
