import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import { recordCopies } from './copy-recorder';

/**
 * Records where the editor's moves, joins and undos copied text (copy-recorder.ts), for the
 * Y.Doc that the Collaboration extension binds, for the editor's lifetime.
 */
export const CopyForwarding = Extension.create<{ document: Y.Doc | null }>({
  name: 'copyForwarding',
  addOptions() {
    return { document: null };
  },
  addStorage() {
    return { uninstall: null as (() => void) | null };
  },
  onBeforeCreate() {
    if (this.options.document) this.storage.uninstall = recordCopies(this.options.document);
  },
  onDestroy() {
    this.storage.uninstall?.();
    this.storage.uninstall = null;
  },
});
