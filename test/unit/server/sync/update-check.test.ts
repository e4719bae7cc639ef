import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../../../server/sync/update-check';
import { writeNewAgenda } from '../../../../shared/agenda/ydoc-agenda';
import { kkrTemplate } from '../../../../shared/agenda/kkr-template';
import { EMPTY_MEETING_FACTS } from '../../../../shared/agenda/meeting-facts';
import { forgedUpdate } from '../../../integration/server/forged-update';

describe('checkUpdate', () => {
  const base = new Y.Doc();
  writeNewAgenda(base, kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR Midtjylland' }));

  it('accepts real updates: a whole agenda, edits, deletions, and merged updates', () => {
    const updates: Uint8Array[] = [Y.encodeStateAsUpdate(base)];
    const edit = new Y.Doc();
    Y.applyUpdate(edit, updates[0]!);
    edit.on('update', (update: Uint8Array) => updates.push(update));
    edit.getText('t').insert(0, 'hello');
    edit.getText('t').insert(2, 'XY');
    edit.getText('t').delete(1, 3);
    edit.getXmlFragment('body').delete(0, 1);
    edit.getMap('meeting').set('committee', 'KKR Nord');
    for (const update of updates) expect(() => checkUpdate(update)).not.toThrow();
    expect(() => checkUpdate(Y.mergeUpdates(updates))).not.toThrow();
  });

  it('refuses an update that decodes but would break applyUpdate, saying why', () => {
    const forged = forgedUpdate(base);
    expect(() => Y.decodeUpdate(forged)).not.toThrow();
    expect(() => checkUpdate(forged)).toThrow(/had not created yet|deletion of/);
  });

  it('refuses bytes that are not an update', () => {
    expect(() => checkUpdate(Uint8Array.from([5, 0xff, 0xff]))).toThrow();
  });
});
