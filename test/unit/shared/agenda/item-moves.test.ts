import { describe, expect, it } from 'vitest';
import { NodeSelection } from '@tiptap/pm/state';
import { itemInsertionPoint, itemMoveTarget, moveItem, moveItemTo, moveSelectedItem } from '../../../../shared/agenda/item-moves';
import { inTitle, outline, run, stateOf, threeSections } from './agenda-test-state';

describe('moving items', () => {
  it('moves an item down and up within its section, keeping the cursor in it', () => {
    const state = stateOf(threeSections());
    const start = stateOf(threeSections(), inTitle(state.doc, 'a1', 1));
    const down = run(start, moveSelectedItem('down'))!;
    expect(outline(down.doc)).toEqual(['1.1. a2', '1.2. a1', '3.1. c1']);
    expect(down.selection.$from.parent.textContent).toBe('a1');
    expect(down.selection.$from.parentOffset).toBe(1);
    const up = run(down, moveSelectedItem('up'))!;
    expect(outline(up.doc)).toEqual(['1.1. a1', '1.2. a2', '3.1. c1']);
    expect(up.doc.eq(start.doc)).toBe(true);
  });

  it('moves the last item of a section down into the next section, also an empty one', () => {
    const start = stateOf(threeSections());
    const state = stateOf(threeSections(), inTitle(start.doc, 'a2'));
    const intoEmpty = run(state, moveSelectedItem('down'))!;
    expect(outline(intoEmpty.doc)).toEqual(['1.1. a1', '2.1. a2', '3.1. c1']);
    const intoNext = run(intoEmpty, moveSelectedItem('down'))!;
    expect(outline(intoNext.doc)).toEqual(['1.1. a1', '3.1. a2', '3.2. c1']);
    expect(intoNext.selection.$from.parent.textContent).toBe('a2');
  });

  it('moves the first item of a section up to the end of the previous section', () => {
    const start = stateOf(threeSections());
    const state = stateOf(threeSections(), inTitle(start.doc, 'c1'));
    const once = run(state, moveSelectedItem('up'))!;
    expect(outline(once.doc)).toEqual(['1.1. a1', '1.2. a2', '2.1. c1']);
    const twice = run(once, moveSelectedItem('up'))!;
    expect(outline(twice.doc)).toEqual(['1.1. a1', '1.2. a2', '1.3. c1']);
  });

  it('refuses to move past the first or last place, and outside items', () => {
    const start = stateOf(threeSections());
    expect(run(stateOf(threeSections(), inTitle(start.doc, 'a1')), moveSelectedItem('up'))).toBeNull();
    expect(run(stateOf(threeSections(), inTitle(start.doc, 'c1')), moveSelectedItem('down'))).toBeNull();
    expect(run(stateOf(threeSections(), inTitle(start.doc, 'B')), moveSelectedItem('down'))).toBeNull();
  });

  it('moves an item selected as a node and keeps it selected', () => {
    const start = stateOf(threeSections());
    const a1Pos = inTitle(start.doc, 'a1') - 2;
    const selected = start.apply(start.tr.setSelection(NodeSelection.create(start.doc, a1Pos)));
    const moved = run(selected, moveSelectedItem('down'))!;
    expect(moved.selection).toBeInstanceOf(NodeSelection);
    expect((moved.selection as NodeSelection).node.child(0).textContent).toBe('a1');
    expect(outline(moved.doc)).toEqual(['1.1. a2', '1.2. a1', '3.1. c1']);
  });

  it('is one delete and one insert in a single transaction', () => {
    const start = stateOf(threeSections());
    const tr = start.tr;
    const a1Pos = inTitle(start.doc, 'a1') - 2;
    const target = itemMoveTarget(start.doc, a1Pos, 'down')!;
    expect(moveItem(tr, a1Pos, target)).not.toBeNull();
    expect(tr.steps).toHaveLength(2);
    expect(outline(tr.doc)).toEqual(['1.1. a2', '1.2. a1', '3.1. c1']);
  });

  it('drops an item before or after the item under the pointer, or at the top of a section', () => {
    const start = stateOf(threeSections());
    const { doc } = start;
    const c1Pos = inTitle(doc, 'c1') - 2;
    const a1Inside = inTitle(doc, 'a1', 1);
    expect(run(start, moveItemTo(c1Pos, itemInsertionPoint(doc, a1Inside, false)))!.doc.child(0).childCount).toBe(4);
    expect(outline(run(start, moveItemTo(c1Pos, itemInsertionPoint(doc, a1Inside, false)))!.doc)).toEqual(['1.1. c1', '1.2. a1', '1.3. a2']);
    expect(outline(run(start, moveItemTo(c1Pos, itemInsertionPoint(doc, a1Inside, true)))!.doc)).toEqual(['1.1. a1', '1.2. c1', '1.3. a2']);
    expect(outline(run(start, moveItemTo(c1Pos, itemInsertionPoint(doc, inTitle(doc, 'B'), false)))!.doc)).toEqual(['1.1. a1', '1.2. a2', '2.1. c1']);
    // Dropping an item onto itself changes nothing.
    expect(run(start, moveItemTo(c1Pos, itemInsertionPoint(doc, inTitle(doc, 'c1'), true)))).toBeNull();
  });
});
