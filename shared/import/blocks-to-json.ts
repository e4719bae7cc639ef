import type { JSONContent } from '@tiptap/core';
import { bulletList, enclosure, indstilling, link, paragraph, subheading, text, topicLine } from '../agenda/agenda-builders';
import type { ImportBlock, TextPlace } from './import-blocks';

/** The inline content of a text place: text nodes, with link marks over its link spans. */
export function inlineContent(place: TextPlace): JSONContent[] {
  const content: JSONContent[] = [];
  let at = 0;
  for (const span of place.links) {
    content.push(...text(place.text.slice(at, span.from)));
    content.push(...text(place.text.slice(span.from, span.to), [link(span.href)]));
    at = span.to;
  }
  content.push(...text(place.text.slice(at)));
  return content;
}

/** The agenda JSON of one intermediate block. */
export function blockToJson(block: ImportBlock): JSONContent {
  switch (block.kind) {
    case 'subheading':
      return subheading(block.subheading);
    case 'paragraph':
      return paragraph(inlineContent(block.place));
    case 'topicLine':
      return topicLine(block.place.text);
    case 'bulletList':
      return bulletList(block.entries.map(inlineContent));
    case 'indstilling':
      return indstilling(inlineContent(block.lead), block.clauses.map(inlineContent));
    case 'enclosure':
      return enclosure(inlineContent(block.place));
    case 'url':
      return paragraph(text(block.href, [link(block.href)]));
    default: {
      const unknown: never = block;
      throw new Error(`Ukendt bloktype: ${JSON.stringify(unknown)}`);
    }
  }
}
