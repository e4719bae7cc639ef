import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeAgendaCopy, encodeAgendaCopy, mergeAgendaCopy, AgendaCopyError } from '../../../../shared/agenda/agenda-copy';
import { bodyFragment, readAgenda, writeMeetingFacts, writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { everyNodeAgenda } from '../../../support/every-node-agenda';

const ID = 'copy-test-agenda';

describe('agenda copy (Gem kopi / Åbn kopi)', () => {
  it('merges a copy back with nothing lost or doubled, also after both sides changed', () => {
    const original = new Y.Doc();
    writeNewAgenda(original, everyNodeAgenda());
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(original));

    // Offline, the copy's side changes the place and a title; then the copy is saved.
    writeMeetingFacts(original, { place: 'Byrådssalen' });
    const title = ((bodyFragment(original).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    (title.get(0) as Y.XmlText).insert(0, 'KOPI: ');
    const bytes = encodeAgendaCopy(ID, original);
    // Meanwhile the live agenda changes the time.
    writeMeetingFacts(live, { time: '13.00-15.00' });

    mergeAgendaCopy(ID, live, bytes);
    mergeAgendaCopy(ID, live, bytes);
    const merged = readAgenda(live);
    expect(merged.meeting.place).toBe('Byrådssalen');
    expect(merged.meeting.time).toBe('13.00-15.00');
    const text = JSON.stringify(merged.body);
    expect(text.split('KOPI: ').length - 1).toBe(1);
    expect(merged.body).toEqual(readAgenda(original).body);
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
