import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';

/**
 * An editor extension that installs `install` on the Y.Doc the Collaboration extension binds
 * (passed as the `document` option) for the editor's lifetime; `install` returns its
 * uninstaller.
 */
export function docHookExtension(name: string, install: (doc: Y.Doc) => () => void) {
  return Extension.create<{ document: Y.Doc | null }, { uninstall: (() => void) | null }>({
    name,
    addOptions() {
      return { document: null };
    },
    addStorage() {
      return { uninstall: null };
    },
    onBeforeCreate() {
      if (this.options.document) this.storage.uninstall = install(this.options.document);
    },
    onDestroy() {
      this.storage.uninstall?.();
      this.storage.uninstall = null;
    },
  });
}
