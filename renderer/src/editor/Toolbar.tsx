import { useEffect, useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { LinkForm } from './LinkForm';
import { useSettledEditorState } from './use-settled-editor-state';
import { shortcutLabel } from './shortcut-label';
import { ArrowIcon, LinkIcon, ListIcon, LockIcon, PlusIcon, UndoIcon } from './icons';

/** One toolbar button: a command with its Danish name and keyboard shortcut. */
function ToolButton(props: { label: string; shortcut?: string; onRun(): void; enabled: boolean; active?: boolean; children: ReactNode; wide?: boolean }) {
  const title = props.shortcut ? `${props.label} (${shortcutLabel(props.shortcut)})` : props.label;
  return (
    <button
      type="button"
      className={`tool${props.active ? ' is-active' : ''}${props.wide ? ' tool--wide' : ''}`}
      title={title}
      aria-label={props.label}
      aria-pressed={props.active === undefined ? undefined : props.active}
      disabled={!props.enabled}
      // Keep the editor's selection: the command runs where the cursor is.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onRun}
    >
      {props.children}
    </button>
  );
}

/** The editor's toolbar: structure, subheadings, blocks, marks, history and moving items. */
/** `children` (the find bar) get a row of their own at the bottom of the sticky toolbar. */
export function Toolbar({ editor, children }: { editor: Editor; children?: ReactNode }) {
  const [linkOpen, setLinkOpen] = useState(false);
  useEffect(() => {
    // Ctrl/⌘+K opens the link form (the form is React state, so the key is caught here).
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setLinkOpen(true);
      }
    };
    const dom = editor.view.dom;
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);
  const can = useSettledEditorState(editor, (e) => ({
    section: e.can().insertSection(),
    item: e.can().insertItem(),
    subheading: e.can().insertSubheading('baggrund'),
    indstilling: e.can().insertIndstilling(),
    enclosure: e.can().toggleEnclosure(),
    enclosureActive: e.isActive('enclosure'),
    topicLine: e.can().toggleTopicLine(),
    topicLineActive: e.isActive('topicLine'),
    bulletList: e.can().toggleBulletList(),
    bulletListActive: e.isActive('bulletList'),
    bold: e.can().toggleBold(),
    boldActive: e.isActive('bold'),
    italic: e.can().toggleItalic(),
    italicActive: e.isActive('italic'),
    link: e.can().setLink({ href: 'https://example.org' }) || e.isActive('link'),
    linkActive: e.isActive('link'),
    undo: e.can().undo(),
    redo: e.can().redo(),
    up: e.can().moveItemUp(),
    down: e.can().moveItemDown(),
    closable: e.can().toggleItemClosed(),
    closed: !!e.state.selection.$from.node(Math.min(2, e.state.selection.$from.depth))?.attrs?.closed,
  }));
  const run = (fn: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => fn(editor.chain().focus()).run();

  return (
    <div className="toolbar" role="toolbar" aria-label="Redigering">
      <div className="tool-group" role="group" aria-label="Struktur">
        <ToolButton label="Ny sektion" shortcut="Mod-Shift-Enter" enabled={can.section} onRun={run((c) => c.insertSection())} wide><PlusIcon /> Sektion</ToolButton>
        <ToolButton label="Nyt punkt" shortcut="Mod-Enter" enabled={can.item} onRun={run((c) => c.insertItem())} wide><PlusIcon /> Punkt</ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Underoverskrifter">
        <ToolButton label="Baggrund" shortcut="Mod-Shift-1" enabled={can.subheading} onRun={run((c) => c.insertSubheading('baggrund'))} wide>Baggrund</ToolButton>
        <ToolButton label="Indstilling (overskrift)" shortcut="Mod-Shift-2" enabled={can.subheading} onRun={run((c) => c.insertSubheading('indstilling'))} wide>Indstilling</ToolButton>
        <ToolButton label="Sagsfremstilling" shortcut="Mod-Shift-3" enabled={can.subheading} onRun={run((c) => c.insertSubheading('sagsfremstilling'))} wide>Sagsfremstilling</ToolButton>
        <ToolButton label="Beslutning" shortcut="Mod-Shift-4" enabled={can.subheading} onRun={run((c) => c.insertSubheading('beslutning'))} wide>Beslutning</ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Blokke">
        <ToolButton label="Det indstilles, at …" shortcut="Mod-Shift-5" enabled={can.indstilling} onRun={run((c) => c.insertIndstilling())} wide>Indstilles, at …</ToolButton>
        <ToolButton label="Det indstilles, med at-punkter" shortcut="Mod-Shift-6" enabled={can.indstilling} onRun={run((c) => c.insertIndstilling({ clauses: true }))} wide>… med at-punkter</ToolButton>
        <ToolButton label="Bilagsmærke ./." shortcut="Mod-Shift-." enabled={can.enclosure} active={can.enclosureActive} onRun={run((c) => c.toggleEnclosure())}>./.</ToolButton>
        <ToolButton label="Emnelinje" shortcut="Mod-Shift-7" enabled={can.topicLine} active={can.topicLineActive} onRun={run((c) => c.toggleTopicLine())} wide>Emnelinje</ToolButton>
        <ToolButton label="Punktopstilling" shortcut="Mod-Shift-8" enabled={can.bulletList} active={can.bulletListActive} onRun={run((c) => c.toggleBulletList())}><ListIcon /></ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Tekst">
        <ToolButton label="Fed" shortcut="Mod-b" enabled={can.bold} active={can.boldActive} onRun={run((c) => c.toggleBold())}><b>F</b></ToolButton>
        <ToolButton label="Kursiv" shortcut="Mod-i" enabled={can.italic} active={can.italicActive} onRun={run((c) => c.toggleItalic())}><i>K</i></ToolButton>
        <ToolButton label="Link" shortcut="Mod-k" enabled={can.link} active={can.linkActive} onRun={() => setLinkOpen((open) => !open)}><LinkIcon /></ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Historik">
        <ToolButton label="Fortryd" shortcut="Mod-z" enabled={can.undo} onRun={run((c) => c.undo())}><UndoIcon /></ToolButton>
        <ToolButton label="Gentag" shortcut="Mod-Shift-z" enabled={can.redo} onRun={run((c) => c.redo())}><UndoIcon redo /></ToolButton>
      </div>
      <div className="tool-group" role="group" aria-label="Punktet">
        <ToolButton label="Flyt punktet op" shortcut="Alt-Shift-ArrowUp" enabled={can.up} onRun={run((c) => c.moveItemUp())}><ArrowIcon up /></ToolButton>
        <ToolButton label="Flyt punktet ned" shortcut="Alt-Shift-ArrowDown" enabled={can.down} onRun={run((c) => c.moveItemDown())}><ArrowIcon up={false} /></ToolButton>
        <ToolButton label="Lukket punkt" shortcut="Mod-Shift-l" enabled={can.closable} active={can.closable ? can.closed : undefined} onRun={run((c) => c.toggleItemClosed())} wide><LockIcon /> Lukket</ToolButton>
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      {children}
    </div>
  );
}
