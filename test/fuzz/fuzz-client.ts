import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { redo, undo, ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { agendaExtensions } from '../../shared/schema/agenda-extensions';
import { DocumentField } from '../../shared/protocol/document-fields';
import { UndoOriginRepair } from '../../shared/agenda/undo-origin-repair';
import { CopyForwarding } from '../../shared/rescue/copy-recorder-extension';
import { FillOnBuild } from '../../shared/agenda/fill-on-build';
import { HeadlessView } from './headless-view';
import { patchYTiptapBinding } from '../../shared/agenda/binding-patches';

/**
 * One simulated user: a Y.Doc bound to an editor state exactly as the renderer binds it:
 * the agenda schema's extensions plus TipTap's Collaboration extension, which installs
 * @tiptap/y-tiptap's ySyncPlugin and yUndoPlugin, and the repair of the origins of items
 * that undo restores (UndoOriginRepair), and the record of where moves and joins copied text
 * (CopyForwarding). The plugins come from a TipTap editor
 * that is never mounted; they run in a `HeadlessView` instead of a DOM view. Undo and redo
 * do what the editor's Collaboration commands (Mod-z / Mod-y) do. Carets and numbering
 * decorations are left out; they do not touch the document.
 */
export class FuzzClient {
  readonly ydoc: Y.Doc;
  readonly view: HeadlessView;
  private readonly editor: Editor;

  /**
   * @param index the client's number in the fuzz (0-based)
   * @param clientId the Yjs client id; fixed so that a seed replays exactly
   * @param initialState a Yjs update holding the agenda every client starts from
   */
  constructor(
    readonly index: number,
    clientId: number,
    initialState: Uint8Array,
  ) {
    // Deleted content is kept so that the fuzz can tell afterwards what removed a token.
    this.ydoc = new Y.Doc({ gc: false });
    this.ydoc.clientID = clientId;
    Y.applyUpdate(this.ydoc, initialState);
    // As the renderer binds it (renderer/src/editor/editor-extensions.ts).
    patchYTiptapBinding();
    this.editor = new Editor({
      element: null,
      // Only its plugins are used; JSON content keeps it from parsing HTML (no DOM in Node).
      content: { type: 'doc', content: [{ type: 'section', content: [{ type: 'sectionTitle' }] }] },
      extensions: [
        ...agendaExtensions,
        Collaboration.configure({ document: this.ydoc, field: DocumentField.Body }),
        UndoOriginRepair.configure({ document: this.ydoc }),
        CopyForwarding.configure({ document: this.ydoc }),
        FillOnBuild,
      ],
    });
    const state = EditorState.create({ schema: this.editor.schema, plugins: this.editor.extensionManager.plugins });
    this.view = new HeadlessView(state, (plugin) => plugin.spec.key === ySyncPluginKey || plugin.spec.key === yUndoPluginKey);
    // The editor merges changes made within 500 ms into one undo step. Steps here come
    // microseconds apart, so wall time would decide the grouping and a seed would not
    // replay; instead grouping ends only where the fuzz calls `pause()`.
    this.undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  }

  get state(): EditorState {
    return this.view.state;
  }

  /** The Yjs undo manager of the editor's yUndoPlugin. */
  get undoManager(): Y.UndoManager {
    return yUndoPluginKey.getState(this.state).undoManager as Y.UndoManager;
  }

  /** Applies a local change, as a keystroke or command would. */
  dispatch(tr: Transaction): void {
    this.view.dispatch(tr);
  }

  /** The user pauses: the next change starts a new undo step. */
  pause(): void {
    this.undoManager.stopCapturing();
  }

  /** Mod-z, as the Collaboration extension's undo command does it. False when there was nothing to undo. */
  undo(): boolean {
    if (this.undoManager.undoStack.length === 0) return false;
    return undo(this.state) === true;
  }

  /** Mod-y, as the Collaboration extension's redo command does it. False when there was nothing to redo. */
  redo(): boolean {
    if (this.undoManager.redoStack.length === 0) return false;
    return redo(this.state) === true;
  }

  destroy(): void {
    this.view.destroy();
    this.editor.destroy();
    this.ydoc.destroy();
  }
}
