import type { EditorState, Plugin, PluginView, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * The part of a ProseMirror EditorView that the Yjs binding uses, without a DOM: it holds
 * the state, applies dispatched transactions (appended transactions included, as the real
 * view does through `EditorState.applyTransaction`) and then tells plugin views about the
 * new state. The fuzz makes hundreds of thousands of edits; rendering each into jsdom costs
 * more than the edits themselves and proves nothing about convergence.
 *
 * Only the views of the plugins named in `viewPlugins` are created (the sync and undo
 * plugins); the other plugin views of the schema draw UI (drop cursor and the like) and
 * need a DOM.
 */
export class HeadlessView {
  state: EditorState;
  isDestroyed = false;
  private readonly views: PluginView[] = [];

  constructor(state: EditorState, viewPlugins: (plugin: Plugin) => boolean) {
    this.state = state;
    // A view may dispatch while it is created (the sync plugin renders the Y.Doc at once).
    for (const plugin of state.plugins) {
      if (plugin.spec.view && viewPlugins(plugin)) this.views.push(plugin.spec.view(this as unknown as EditorView));
    }
  }

  dispatch(tr: Transaction): void {
    if (this.isDestroyed) return;
    const previous = this.state;
    this.state = previous.apply(tr);
    for (const view of this.views) view.update?.(this as unknown as EditorView, previous);
  }

  /** The binding scrolls the caret into view only in a focused editor; this one never is. */
  hasFocus(): boolean {
    return false;
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    for (const view of this.views) view.destroy?.();
  }
}
