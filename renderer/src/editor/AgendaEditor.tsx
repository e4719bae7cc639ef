import { EditorContent, useEditor } from '@tiptap/react';
import type { AgendaSession } from '../sync/agenda-session';
import { editorExtensions } from './editor-extensions';

/** The agenda body editor, bound to the session's Y.Doc. */
export function AgendaEditor({ session }: { session: AgendaSession }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(session.ydoc, session.provider, session.profile),
      editorProps: { attributes: { class: 'agenda-body', 'aria-label': 'Dagsordenens indhold', spellcheck: 'true', lang: 'da' } },
    },
    [session],
  );
  return <EditorContent editor={editor} className="editor-frame" />;
}
