import * as Y from 'yjs';
import type { Editor } from '@tiptap/core';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { itemAt, sectionAt } from '../../../shared/agenda/agenda-position';

/** Someone else, where their cursor is. */
export interface PeerLocation {
  clientId: number;
  name: string;
  initials: string;
  color: string;
  /** Position of the item (or, outside items, the section) their cursor is in. */
  pos: number;
}

/**
 * Where each other person's cursor is, as the item (or section) it is in. Cursors come from
 * the carets' awareness field, as Yjs relative positions, mapped through the editor's Yjs
 * binding; people whose cursor is not in the document (their editor is not focused) are left out.
 */
export function peerLocations(editor: Editor, awareness: Awareness): PeerLocation[] {
  const binding = ySyncPluginKey.getState(editor.state)?.binding;
  if (!binding) return [];
  const { doc } = editor.state;
  const found: PeerLocation[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const { user, cursor } = state as { user?: { name?: unknown; initials?: unknown; color?: unknown }; cursor?: { head?: unknown } | null };
    if (!user || typeof user.name !== 'string' || !cursor?.head) return;
    let pos: number | null = null;
    try {
      pos = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(cursor.head), binding.mapping);
    } catch {
      // A position from a peer that is ahead of us: it will resolve after the next update.
      return;
    }
    if (pos === null || pos < 0 || pos > doc.content.size) return;
    const $pos = doc.resolve(pos);
    const at = itemAt($pos)?.pos ?? sectionAt($pos)?.pos;
    if (at === undefined) return;
    found.push({
      clientId,
      name: user.name.slice(0, 80),
      initials: String(user.initials ?? '').slice(0, 8),
      color: /^#[0-9a-f]{6}$/i.test(String(user.color)) ? String(user.color) : '#6e7781',
      pos: at,
    });
  });
  return found;
}
