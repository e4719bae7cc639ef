import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeAgendaCopy, encodeAgendaCopy, mergeAgendaCopy, AgendaCopyError } from '../../../../shared/agenda/agenda-copy';
import { bodyFragment, readAgenda, writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { everyNodeAgenda } from '../../../support/every-node-agenda';

const ID = 'copy-test-agenda';

describe('agenda copy (Gem kopi / Åbn kopi)', () => {
  it('merges a copy back with nothing lost or doubled, also after both sides changed', () => {
    const original = new Y.Doc();
    writeNewAgenda(original, everyNodeAgenda());
    const bytes = encodeAgendaCopy(ID, original);

    // Elsewhere the agenda goes on from the same state, then the copy is merged back.
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(original));
    const title = bodyFragment(live).get(0) as Y.XmlElement;
    expect(title).toBeTruthy();
    mergeAgendaCopy(ID, live, bytes);
    mergeAgendaCopy(ID, live, bytes);
    expect(readAgenda(live)).toEqual(readAgenda(original));
  });

  it('refuses files that are not copies, damaged copies and copies of another agenda', () => {
    const doc = new Y.Doc();
    writeNewAgenda(doc, everyNodeAgenda());
    const good = encodeAgendaCopy(ID, doc);
    expect(() => decodeAgendaCopy(new TextEncoder().encode('{"format":"dagsorden-agenda"}'))).toThrow(/ikke en kopi/);
    expect(() => decodeAgendaCopy(good.subarray(0, good.length - 40))).toThrow(AgendaCopyError);
    const badId = encodeAgendaCopy('X', doc);
    expect(() => decodeAgendaCopy(badId)).toThrow(/id/);
    expect(() => mergeAgendaCopy('another-agenda', new Y.Doc(), good)).toThrow(/anden dagsorden/);
    expect(decodeAgendaCopy(good).id).toBe(ID);
  });
});
