import { describe, expect, it } from 'vitest';
import { insertItem, toggleItemClosed } from '../../../../shared/agenda/item-commands';
import { insertSection } from '../../../../shared/agenda/section-commands';
import { insertIndstilling, insertSubheading, toggleEnclosure, toggleTopicLine } from '../../../../shared/agenda/body-commands';
import { agendaNumbers } from '../../../../shared/agenda/numbering';
import { inBlock, inTitle, outline, run, stateOf, threeSections } from './agenda-test-state';

const itemOf = (state: ReturnType<typeof stateOf>, title: string) => {
  const pos = inTitle(state.doc, title) - 2;
  return state.doc.nodeAt(pos)!;
};
const bodyTypes = (state: ReturnType<typeof stateOf>, title: string) => {
  const types: string[] = [];
  itemOf(state, title).forEach((child, _offset, index) => {
    if (index >= 2) types.push(child.type.name === 'subheading' ? `subheading:${child.attrs.kind}` : `${child.type.name}:${child.textContent}`);
  });
  return types;
};

describe('agenda editing commands', () => {
  it('inserts an item after the current item, with the cursor in its empty title', () => {
    const start = stateOf(threeSections());
    const next = run(stateOf(threeSections(), inTitle(start.doc, 'a1', 2)), insertItem)!;
    expect(outline(next.doc)).toEqual(['1.1. a1', '1.2. ', '1.3. a2', '2.1. c1'.replace('2.1.', '3.1.')]);
    expect(next.selection.$from.parent.type.name).toBe('itemTitle');
    expect(agendaNumbers(next.doc).find((n) => n.pos === next.selection.$from.before(2))?.label).toBe('1.2.');
  });

  it('inserts the first item of an empty section from its title', () => {
    const start = stateOf(threeSections());
    const next = run(stateOf(threeSections(), inTitle(start.doc, 'B')), insertItem)!;
    expect(outline(next.doc)).toEqual(['1.1. a1', '1.2. a2', '2.1. ', '3.1. c1']);
  });

  it('inserts a section after the current one, with the cursor in its title', () => {
    const start = stateOf(threeSections());
    const next = run(stateOf(threeSections(), inTitle(start.doc, 'a2')), insertSection)!;
    expect(next.doc.childCount).toBe(4);
    expect(next.doc.child(1).textContent).toBe('');
    expect(next.selection.$from.parent.type.name).toBe('sectionTitle');
    expect(outline(next.doc)).toEqual(['1.1. a1', '1.2. a2', '4.1. c1']);
  });

  it('toggles an item closed and open', () => {
    const start = stateOf(threeSections());
    const closed = run(stateOf(threeSections(), inTitle(start.doc, 'a2')), toggleItemClosed)!;
    expect(itemOf(closed, 'a2').attrs.closed).toBe(true);
    expect(itemOf(run(closed, toggleItemClosed)!, 'a2').attrs.closed).toBe(false);
    expect(run(stateOf(threeSections(), inTitle(start.doc, 'B')), toggleItemClosed)).toBeNull();
  });

  it('inserts a subheading after the current body block, then an empty paragraph to write in', () => {
    const start = stateOf(threeSections());
    const next = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1', 3)), insertSubheading('sagsfremstilling'))!;
    expect(bodyTypes(next, 'a1')).toEqual(['paragraph:Tekst a1', 'subheading:sagsfremstilling', 'paragraph:']);
    expect(next.selection.$from.parent.type.name).toBe('paragraph');
    expect(next.selection.$from.parent.content.size).toBe(0);
    // From the title, the subheading goes to the top of the body.
    const fromTitle = run(stateOf(threeSections(), inTitle(start.doc, 'a1')), insertSubheading('baggrund'))!;
    expect(bodyTypes(fromTitle, 'a1')).toEqual(['subheading:baggrund', 'paragraph:', 'paragraph:Tekst a1']);
    // Outside items there is nowhere to put one.
    expect(run(stateOf(threeSections(), inTitle(start.doc, 'B')), insertSubheading('baggrund'))).toBeNull();
  });

  it('inserts an Indstilling with its subheading, replacing the empty paragraph at the cursor', () => {
    const start = stateOf(threeSections());
    const withParagraph = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1', 8)), insertSubheading('baggrund'))!;
    const next = run(withParagraph, insertIndstilling())!;
    expect(bodyTypes(next, 'a1')).toEqual(['paragraph:Tekst a1', 'subheading:baggrund', 'subheading:indstilling', 'indstilling:Det indstilles, at ']);
    expect(next.selection.$from.parent.textContent).toBe('Det indstilles, at ');
    expect(next.selection.$from.parentOffset).toBe('Det indstilles, at '.length);
  });

  it('does not repeat the Indstilling subheading, and puts the cursor in the first clause of the list variant', () => {
    const start = stateOf(threeSections());
    const heading = run(stateOf(threeSections(), inBlock(start.doc, 'paragraph', 'Tekst a1', 8)), insertSubheading('indstilling'))!;
    const next = run(heading, insertIndstilling({ clauses: true }))!;
    expect(bodyTypes(next, 'a1')).toEqual(['paragraph:Tekst a1', 'subheading:indstilling', 'indstilling:Det indstilles,at ']);
    expect(next.selection.$from.parent.textContent).toBe('at ');
    expect(next.selection.$from.node(-1).type.name).toBe('listItem');
    expect(next.selection.$from.parentOffset).toBe(3);
  });

  it('turns a paragraph into a "./." marker or a topic line and back, and inserts one elsewhere', () => {
    const start = stateOf(threeSections());
    const at = inBlock(start.doc, 'paragraph', 'Tekst a1', 2);
    const marked = run(stateOf(threeSections(), at), toggleEnclosure)!;
    expect(bodyTypes(marked, 'a1')).toEqual(['enclosure:Tekst a1']);
    expect(bodyTypes(run(marked, toggleEnclosure)!, 'a1')).toEqual(['paragraph:Tekst a1']);
    expect(bodyTypes(run(stateOf(threeSections(), at), toggleTopicLine)!, 'a1')).toEqual(['topicLine:Tekst a1']);
    const fromCaseLine = run(stateOf(threeSections(), inBlock(start.doc, 'caseLine', 'SAG-a1')), toggleEnclosure)!;
    expect(bodyTypes(fromCaseLine, 'a1')).toEqual(['enclosure:', 'paragraph:Tekst a1']);
    expect(fromCaseLine.selection.$from.parent.type.name).toBe('enclosure');
  });
});
