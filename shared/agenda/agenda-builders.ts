import type { JSONContent } from '@tiptap/core';
import type { SubheadingKind } from '../schema/subheading-kind';

/**
 * Small builders for agenda body JSON (ProseMirror JSON of the agenda schema). The
 * template, the importer and the tests build documents with these, so the shape of each
 * node is written down once.
 */

/** Inline text, with optional marks. Empty text gives no node (ProseMirror forbids empty text nodes). */
export function text(value: string, marks?: JSONContent['marks']): JSONContent[] {
  if (value === '') return [];
  return [marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

/** A section with its title and items. */
export function section(title: string, items: JSONContent[] = []): JSONContent {
  return { type: 'section', content: [{ type: 'sectionTitle', content: text(title) }, ...items] };
}

/** The parts of an item. */
export interface ItemSpec {
  title: string;
  caseLine?: string;
  closed?: boolean;
  body?: JSONContent[];
}

/** An item: title, case line and body. */
export function item(spec: ItemSpec): JSONContent {
  return {
    type: 'item',
    attrs: { closed: spec.closed ?? false },
    content: [
      { type: 'itemTitle', content: text(spec.title) },
      { type: 'caseLine', content: text(spec.caseLine ?? '') },
      ...(spec.body ?? []),
    ],
  };
}

/** A paragraph of inline content (plain text, or inline nodes from `text`). */
export function paragraph(content: string | JSONContent[]): JSONContent {
  return { type: 'paragraph', content: typeof content === 'string' ? text(content) : content };
}

/** A standing subheading. */
export function subheading(kind: SubheadingKind): JSONContent {
  return { type: 'subheading', attrs: { kind } };
}

/** A topic line inside Sagsfremstilling. */
export function topicLine(value: string): JSONContent {
  return { type: 'topicLine', content: text(value) };
}

/** A bullet list; each entry is a paragraph's content. */
export function bulletList(entries: Array<string | JSONContent[]>): JSONContent {
  return { type: 'bulletList', content: entries.map((entry) => ({ type: 'listItem', content: [paragraph(entry)] })) };
}

/** An Indstilling: a lead paragraph, and optionally a list of "at …" clauses. */
export function indstilling(lead: string | JSONContent[], clauses?: Array<string | JSONContent[]>): JSONContent {
  const content = [paragraph(lead)];
  if (clauses && clauses.length > 0) content.push(bulletList(clauses));
  return { type: 'indstilling', content };
}

/** An enclosure marker naming one enclosure. */
export function enclosure(content: string | JSONContent[]): JSONContent {
  return { type: 'enclosure', attrs: { attachment: null }, content: typeof content === 'string' ? text(content) : content };
}

/** A link mark for `text(…, [link(href)])`. */
export function link(href: string): NonNullable<JSONContent['marks']>[number] {
  return { type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } };
}

/** A whole body document from its sections. */
export function agendaBody(sections: JSONContent[]): JSONContent {
  return { type: 'doc', content: sections };
}
