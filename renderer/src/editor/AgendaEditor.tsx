import { memo } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { AgendaSession } from '../sync/agenda-session';
import { editorExtensions } from './editor-extensions';
import { Toolbar } from './Toolbar';
import { OutlinePane } from '../outline/OutlinePane';
import { MeetingFactsForm } from '../meeting/MeetingFactsForm';
import './editor.css';

/**
 * The agenda workspace: the outline on the left; the toolbar, the meeting facts and the body
 * editor (bound to the session's Y.Doc) on the right. Memoised: the screen around it
 * re-renders on every status or presence change, and re-rendering the editor content would
 * re-render every item's node view with it.
 */
export const AgendaEditor = memo(function AgendaEditor({ session }: { session: AgendaSession }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(session.ydoc, session.provider, session.profile),
      editorProps: { attributes: { class: 'agenda-body', 'aria-label': 'Dagsordenens indhold', spellcheck: 'true', lang: 'da' } },
    },
    [session],
  );
  return (
    <div className="agenda-workspace">
      <aside className="outline-pane">{editor && <OutlinePane editor={editor} awareness={session.provider.awareness} />}</aside>
      <div className="editor-column">
        {editor && <Toolbar editor={editor} />}
        <div className="paper">
          <MeetingFactsForm ydoc={session.ydoc} />
          <EditorContent editor={editor} className="editor-frame" />
        </div>
      </div>
    </div>
  );
});
