import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { agendaExtensions } from '../../../shared/schema/agenda-extensions';
import { DocumentField } from '../../../shared/protocol/document-fields';
import { UndoOriginRepair } from '../../../shared/agenda/undo-origin-repair';
import { CopyForwarding } from '../../../shared/rescue/copy-recorder-extension';
import { FillOnBuild } from '../../../shared/agenda/fill-on-build';
import { patchYTiptapBinding } from '../../../shared/agenda/binding-patches';
import type { UserProfile } from '../user/user-profile';
import { AgendaNumbering } from './numbering-plugin';
import { AgendaPlaceholders } from './placeholder-plugin';
import { ItemDrop } from './item-drop-plugin';
import { withNodeViews } from './agenda-node-views';
import { FindHighlight } from './find-highlight';

/**
 * The editor's extensions: the shared schema with the renderer's node views, plus numbering,
 * placeholders, moving items by drag, find highlights, collaboration and carets.
 */
export function editorExtensions(ydoc: Y.Doc, provider: WebsocketProvider, user: UserProfile): Extensions {
  // A colleague's keystroke updates only the blocks it changed; a y-tiptap selection error does not leave the editor behind.
  patchYTiptapBinding();
  return [
    ...withNodeViews(agendaExtensions),
    AgendaNumbering,
    AgendaPlaceholders,
    ItemDrop,
    FindHighlight,
    Collaboration.configure({ document: ydoc, field: DocumentField.Body }),
    // Yjs 13.6 undo can restore items that peers place differently (yjs/yjs#794).
    UndoOriginRepair.configure({ document: ydoc }),
    // Moves and joins copy text; the server puts text typed concurrently into the original into the copy.
    CopyForwarding.configure({ document: ydoc }),
    // An element left without required content by concurrent deletions is shown filled, not deleted for everyone.
    FillOnBuild,
    CollaborationCaret.configure({ provider, user: { name: user.name, initials: user.initials, color: user.color } }),
  ];
}
