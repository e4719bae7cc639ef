import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import type { ChainedCommands, Editor } from '@tiptap/core';
import type { MenuCommand } from '../../../shared/protocol/ipc-contract';
import { onMenuCommand } from '../app/menu-commands';
import { FindBar } from './FindBar';
import { ShortcutsDialog } from './ShortcutsDialog';
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
  const readOnly = useSyncExternalStore(session.subscribe, () => session.getSnapshot().readOnly);
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  const [outlineShown, setOutlineShown] = useState(true);
  const [finding, setFinding] = useState(false);
  const [shortcutsShown, setShortcutsShown] = useState(false);

  useEffect(() => {
    if (!editor) return;
    // The browser client has no native menu: its Søg and Genvejstaster keys are handled here
    // (in the desktop app the menu's accelerators arrive as menu commands instead).
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFinding(true);
      } else if (event.key === 'F1') {
        event.preventDefault();
        setShortcutsShown(true);
      }
    };
    document.addEventListener('keydown', onKey);
    const off = onMenuCommand((command) => {
      if (command === 'toggleOutline') setOutlineShown((shown) => !shown);
      else if (command === 'find') setFinding(true);
      else if (command === 'showShortcuts') setShortcutsShown(true);
      else if (editor.isEditable) runEditorCommand(editor, command);
    });
    return () => {
      off();
      document.removeEventListener('keydown', onKey);
    };
  }, [editor]);

  return (
    <div className={`agenda-workspace${outlineShown ? '' : ' agenda-workspace--no-outline'}`}>
      {outlineShown && <aside className="outline-pane">{editor && <OutlinePane editor={editor} awareness={session.provider.awareness} />}</aside>}
      <div className="editor-column">
        {editor && !readOnly && <Toolbar editor={editor}>{finding && <FindBar editor={editor} onClose={() => setFinding(false)} />}</Toolbar>}
        {editor && readOnly && finding && <FindBar editor={editor} onClose={() => setFinding(false)} />}
        {shortcutsShown && <ShortcutsDialog onClose={() => setShortcutsShown(false)} />}
        <div className="paper">
          <MeetingFactsForm ydoc={session.ydoc} readOnly={readOnly} />
          <EditorContent editor={editor} className="editor-frame" />
        </div>
      </div>
    </div>
  );
});

/** The document commands of the desktop menu (Rediger, Indsæt), as editor command chains. */
const EDITOR_COMMANDS: Partial<Record<MenuCommand, (chain: ChainedCommands) => ChainedCommands>> = {
  undo: (chain) => chain.undo(),
  redo: (chain) => chain.redo(),
  insertSection: (chain) => chain.insertSection(),
  insertItem: (chain) => chain.insertItem(),
  insertIndstilling: (chain) => chain.insertIndstilling(),
  insertEnclosure: (chain) => chain.toggleEnclosure(),
};

/** Runs a document command chosen from the desktop menu in the editor. */
function runEditorCommand(editor: Editor, command: MenuCommand): void {
  const build = EDITOR_COMMANDS[command];
  if (build) build(editor.chain().focus()).run();
}
