import * as Y from 'yjs';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';

/**
 * Whether `element` (a Y.XmlElement bound to a ProseMirror document, in y-prosemirror's
 * layout: node name and attributes, text with marks as formatting) is a valid node of
 * `schema`. The rescuer asks before it keeps what it inserted: an element the editor cannot
 * show would be deleted by every client's editor binding, with whatever it holds.
 */
export function fitsSchema(schema: Schema, element: Y.XmlElement): boolean {
  try {
    schema.nodeFromJSON(elementJSON(element)).check();
    return true;
  } catch {
    return false;
  }
}

/**
 * The least content `element`'s node type needs, when it has none (a bullet list: one empty
 * item), as new Yjs types in y-prosemirror's layout; null if the type needs nothing or cannot be filled.
 */
export function emptyFill(schema: Schema, element: Y.XmlElement): Array<Y.XmlElement | Y.XmlText> | null {
  let filled: PMNode | null | undefined;
  try {
    filled = schema.nodes[element.nodeName]?.createAndFill();
  } catch {
    // A node type with a required attribute cannot be made without one.
    return null;
  }
  if (!filled || filled.childCount === 0) return null;
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  filled.forEach((child) => children.push(toY(child)));
  return children;
}

function toY(node: PMNode): Y.XmlElement | Y.XmlText {
  if (node.isText) {
    const text = new Y.XmlText();
    text.insert(0, node.text ?? '');
    return text;
  }
  const element = new Y.XmlElement(node.type.name);
  for (const [key, value] of Object.entries(node.attrs)) if (value !== null) element.setAttribute(key, value as string);
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  node.forEach((child) => children.push(toY(child)));
  element.insert(0, children);
  return element;
}

function elementJSON(element: Y.XmlElement): Record<string, unknown> {
  const content: unknown[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) content.push(elementJSON(child));
    else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string') continue;
        const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) => (attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0 ? { type, attrs } : { type }));
        content.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
      }
    }
  }
  const json: Record<string, unknown> = { type: element.nodeName, attrs: element.getAttributes() };
  if (content.length > 0) json.content = content;
  return json;
}
