import { describe, expect, it } from 'vitest';
import { TextSelection } from '@tiptap/pm/state';
import {
  backspaceAtTitleStart, backspaceIntoItemHead, deleteAtHeadingEnd, enterInCaseLine, enterInItemTitle, enterInSectionTitle,
} from '../../../../shared/agenda/heading-keys';
import { enterInIndstilling } from '../../../../shared/agenda/indstilling-keys';
import { insertIndstilling } from '../../../../shared/agenda/body-commands';
import { agendaBody, item, section } from '../../../../shared/agenda/agenda-builders';
import { inBlock, inTitle, outline, run, stateOf, threeSections } from './agenda-test-state';

const typeText = (state: ReturnType<typeof stateOf>, text: string) => state.apply(state.tr.insertText(text));

describe('Enter, Backspace and Delete in titles, case lines and the Indstilling', () => {
  it('Enter goes from the item title to the case line, and from the case line into a new body paragraph', () => {
    const body = agendaBody([section('A', [item({ title: 'Titel', caseLine: 'SAG-1 ab' })])]);
    const start = stateOf(body);
    const inCaseLine = run(stateOf(body, inTitle(start.doc, 'Titel', 2)), enterInItemTitle)!;
    expect(inCaseLine.selection.$from.parent.type.name).toBe('caseLine');
    expect(inCaseLine.selection.$from.parentOffset).toBe('SAG-1 ab'.length);
    const inBody = run(inCaseLine, enterInCaseLine)!;
    expect(inBody.selection.$from.parent.type.name).toBe('paragraph');
    expect(inBody.doc.child(0).child(1).childCount).toBe(3);
    // A second Enter from the case line reuses the empty paragraph instead of piling up more.
    const back = inBody.apply(inBody.tr.setSelection(TextSelection.create(inBody.doc, inBlock(inBody.doc, 'caseLine', 'SAG-1 ab'))));
    expect(run(back, enterInCaseLine)!.doc.child(0).child(1).childCount).toBe(3);
  });

  it('Enter in a section title goes to its first item, or creates one in an empty section', () => {
    const start = stateOf(threeSections());
    const toFirst = run(stateOf(threeSections(), inTitle(start.doc, 'A')), enterInSectionTitle)!;
    expect(toFirst.selection.$from.parent.textContent).toBe('a1');
    const created = run(stateOf(threeSections(), inTitle(start.doc, 'B')), enterInSectionTitle)!;
    expect(outline(created.doc)).toEqual(['1.1. a1', '1.2. a2', '2.1. ', '3.1. c1']);
    expect(created.selection.$from.parent.type.name).toBe('itemTitle');
  });

  it('Backspace never merges the case line into the title, or the body into the case line', () => {
    const start = stateOf(threeSections());
    const fromCaseLine = run(stateOf(threeSections(), inBlock(start.doc, 'caseLine', 'SAG-a1')), backspaceIntoItemHead)!;
    expect(fromCaseLine.selection.$from.parent.textContent).toBe('a1');
    expect(fromCaseLine.doc.eq(start.doc)).toBe(true);
    const fromBody = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1')), backspaceIntoItemHead)!;
    expect(fromBody.selection.$from.parent.type.name).toBe('caseLine');
    expect(fromBody.doc.eq(start.doc)).toBe(true);
    expect(backspaceAtTitleStart(stateOf(threeSections(), inTitle(start.doc, 'a1')))).toBe(true);
    expect(backspaceAtTitleStart(stateOf(threeSections(), inTitle(start.doc, 'a1', 1)))).toBe(false);
    expect(deleteAtHeadingEnd(stateOf(threeSections(), inBlock(start.doc, 'caseLine', 'SAG-a1', 6)))).toBe(true);
  });

  it('Enter after "Det indstilles," starts the clause list; Enter in an empty clause leaves the block', () => {
    const start = stateOf(threeSections());
    let state = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1', 8)), insertIndstilling())!;
    // Make the lead "Det indstilles," (a list lead), then press Enter at its end.
    const { $from } = state.selection;
    state = state.apply(state.tr.delete($from.pos - ' at '.length, $from.pos));
    state = run(state, enterInIndstilling)!;
    expect(state.selection.$from.parent.textContent).toBe('at ');
    state = typeText(state, 'KKR godkender');
    state = run(state, enterInIndstilling)!;
    expect(state.selection.$from.parent.textContent).toBe('at ');
    state = run(state, enterInIndstilling)!;
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.$from.depth).toBe(3);
    const block = state.selection.$from.node(2).child(state.selection.$from.index(2) - 1);
    expect(block.type.name).toBe('indstilling');
    expect(block.child(1).childCount).toBe(1);
    expect(block.textContent).toBe('Det indstilles,at KKR godkender');
  });

  it('Enter at the end of a one-sentence Indstilling continues in a paragraph after it', () => {
    const start = stateOf(threeSections());
    let state = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1', 8)), insertIndstilling())!;
    state = typeText(state, 'KKR tager orienteringen til efterretning.');
    state = run(state, enterInIndstilling)!;
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.$from.node(-1).type.name).toBe('item');
  });
});
