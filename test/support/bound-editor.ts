import * as Y from 'yjs';
import { FuzzClient } from '../fuzz/fuzz-client';
import { writeNewAgenda } from '../../shared/agenda/ydoc-agenda';
import { everyNodeAgenda } from './every-node-agenda';

/**
 * An editor bound to its Y.Doc as the renderer binds it, and a colleague's plain Y.Doc, both
 * holding the agenda with every kind of node; `send` brings the editor the colleague's changes.
 */
export function editorAndColleague(): { editor: FuzzClient; colleague: Y.Doc; send(): void } {
  const origin = new Y.Doc();
  writeNewAgenda(origin, everyNodeAgenda());
  const editor = new FuzzClient(0, 100, Y.encodeStateAsUpdate(origin));
  const colleague = new Y.Doc();
  colleague.clientID = 200;
  Y.applyUpdate(colleague, Y.encodeStateAsUpdate(origin));
  return { editor, colleague, send: () => Y.applyUpdate(editor.ydoc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(editor.ydoc))) };
}
