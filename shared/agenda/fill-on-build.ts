import { Extension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

/**
 * y-tiptap builds each Y element into a ProseMirror node with `schema.node`, and when that
 * throws it deletes the element from the Y.Doc, for everyone ("probably a result of a
 * concurrent action"). Concurrent deletions do leave elements without required content for
 * a moment: two people delete the last items of a bullet list each, and the list is empty;
 * text put back into it a moment later (the server's rescue, a colleague's typing arriving
 * late) then went with it. With this extension such an element is built filled with the
 * least content its node type needs (an empty bullet), and stays in the Y.Doc; the sync
 * server fills it there too (orphan-rescuer.ts, `fill`), and what arrives later shows.
 */
export const FillOnBuild = Extension.create({
  name: 'fillOnBuild',
  onBeforeCreate() {
    fillOnBuild(this.editor.schema);
  },
});

const patched = new WeakSet<Schema>();

/** Makes `schema.node` fill missing required content instead of throwing (see FillOnBuild). */
export function fillOnBuild(schema: Schema): void {
  if (patched.has(schema)) return;
  patched.add(schema);
  const node = schema.node.bind(schema);
  schema.node = (type, attrs, content, marks) => {
    try {
      return node(type, attrs, content, marks);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const nodeType = typeof type === 'string' ? schema.nodes[type] : type.schema === schema ? type : undefined;
      const filled = nodeType?.createAndFill(attrs, content, marks);
      // Only missing content is filled; anything else still fails as before.
      if (!filled) throw error;
      try {
        filled.check();
      } catch {
        throw error;
      }
      return filled;
    }
  };
}
