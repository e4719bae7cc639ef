import * as Y from 'yjs';
import { appendAll, charIds } from './struct-walk';

/**
 * A detached copy of a Y.XmlElement or Y.XmlText, built again with `buildClone`. It names
 * its source (`source`, and for text the source id of each character) so that the copy can
 * be forwarded to like any other.
 */
export type TypeClone =
  | { source: Y.ID; name: string; attrs: Record<string, unknown>; children: TypeClone[] }
  | { source: Y.ID; delta: Array<{ insert: string; attributes?: Record<string, unknown> }>; chars: Y.ID[] };

/**
 * Copies `type` as it was just before transaction `deleteSet` deleted it with its parent:
 * what is live or was deleted by that transaction counts, what was deleted before does not.
 * Read inside the transaction's observers, before Yjs collects the deleted content.
 */
export function cloneType(type: Y.XmlElement | Y.XmlText, deleteSet: Y.Transaction['deleteSet'], onPurpose: (item: Y.Item) => boolean = () => false): TypeClone {
  const alive = (item: Y.Item): boolean => (!item.deleted || Y.isDeleted(deleteSet, item.id)) && !onPurpose(item);
  const source = type._item!.id;
  if (type instanceof Y.XmlText) {
    const delta: Array<{ insert: string; attributes?: Record<string, unknown> }> = [];
    const chars: Y.ID[] = [];
    const formats = new Map<string, unknown>();
    for (let item = type._start; item !== null; item = item.right) {
      if (!alive(item)) continue;
      if (item.content instanceof Y.ContentFormat) {
        if (item.content.value === null) formats.delete(item.content.key);
        else formats.set(item.content.key, item.content.value);
      } else if (item.content instanceof Y.ContentString) {
        delta.push(formats.size > 0 ? { insert: item.content.str, attributes: Object.fromEntries(formats) } : { insert: item.content.str });
        appendAll(chars, charIds(item));
      }
    }
    return { source, delta, chars };
  }
  const attrs: Record<string, unknown> = {};
  type._map.forEach((item, key) => {
    const value: unknown = item.content.getContent()[item.length - 1];
    // A Y type as an attribute value cannot be copied by value; the agenda schema has none.
    if (alive(item) && !(value instanceof Y.AbstractType)) attrs[key] = value;
  });
  const children: TypeClone[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!alive(item) || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) children.push(cloneType(child, deleteSet, onPurpose));
  }
  return { source, name: type.nodeName, attrs, children };
}

/**
 * `clone` without the types and characters that `gone` names; null when its own source is gone
 * (or, with `dropEmptied`, when it is a text that held only characters that are gone).
 */
export function pruneClone(clone: TypeClone, gone: (id: Y.ID) => boolean, dropEmptied = false): TypeClone | null {
  if (gone(clone.source)) return null;
  if (!('delta' in clone)) return { ...clone, children: clone.children.flatMap((child) => pruneClone(child, gone, dropEmptied) ?? []) };
  const delta: Array<{ insert: string; attributes?: Record<string, unknown> }> = [];
  const chars: Y.ID[] = [];
  let at = 0;
  for (const op of clone.delta) {
    let kept = '';
    for (let i = 0; i < op.insert.length; i++, at++) {
      if (gone(clone.chars[at]!)) continue;
      kept += op.insert[i];
      chars.push(clone.chars[at]!);
    }
    if (kept !== '') delta.push(op.attributes ? { insert: kept, attributes: op.attributes } : { insert: kept });
  }
  if (dropEmptied && chars.length === 0 && clone.chars.length > 0) return null;
  return { source: clone.source, delta, chars };
}

/** A new Y type with the clone's content, ready to be inserted. */
export function buildClone(clone: TypeClone): Y.XmlElement | Y.XmlText {
  if ('delta' in clone) {
    const text = new Y.XmlText();
    text.applyDelta(clone.delta);
    return text;
  }
  const element = new Y.XmlElement(clone.name);
  for (const [key, value] of Object.entries(clone.attrs)) element.setAttribute(key, value as string);
  element.insert(0, clone.children.map(buildClone));
  return element;
}

/**
 * Calls `pair` with each source and the type built from it (after `built` was inserted),
 * and for texts the source characters and the ids of their copies.
 */
export function pairClone(
  clone: TypeClone,
  built: Y.XmlElement | Y.XmlText,
  pair: (source: Y.ID, copy: Y.XmlElement | Y.XmlText, chars: Array<[Y.ID, Y.ID]>) => void,
): void {
  if ('delta' in clone) {
    const copies: Y.ID[] = [];
    for (let item = built._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      appendAll(copies, charIds(item));
    }
    pair(clone.source, built, clone.chars.map((id, i) => [id, copies[i]!] as [Y.ID, Y.ID]).filter(([, copy]) => copy !== undefined));
    return;
  }
  pair(clone.source, built, []);
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  for (let item = built._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType && (item.content.type instanceof Y.XmlElement || item.content.type instanceof Y.XmlText)) children.push(item.content.type);
  }
  clone.children.forEach((child, i) => {
    if (children[i]) pairClone(child, children[i]!, pair);
  });
}

/** The source ids of every character in `clone`. */
export function cloneChars(clone: TypeClone): Y.ID[] {
  return 'delta' in clone ? clone.chars : clone.children.flatMap(cloneChars);
}
