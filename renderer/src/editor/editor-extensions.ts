import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { agendaExtensions } from '../../../shared/schema/agenda-extensions';
import { DocumentField } from '../../../shared/protocol/document-fields';
import type { UserProfile } from '../user/user-profile';
import { AgendaNumbering } from './numbering-plugin';

/** The editor's extensions: the shared schema, plus numbering, collaboration and carets. */
export function editorExtensions(ydoc: Y.Doc, provider: WebsocketProvider, user: UserProfile): Extensions {
  return [
    ...agendaExtensions,
    AgendaNumbering,
    Collaboration.configure({ document: ydoc, field: DocumentField.Body }),
    CollaborationCaret.configure({ provider, user: { name: user.name, initials: user.initials, color: user.color } }),
  ];
}
