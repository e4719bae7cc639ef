import type { JSONContent } from '@tiptap/core';

/** Labels of the standing subheadings, as they read in an agenda. */
const SUBHEADING_LABELS: Record<string, string> = {
  baggrund: 'Baggrund',
  indstilling: 'Indstilling',
  sagsfremstilling: 'Sagsfremstilling',
  beslutning: 'Beslutning',
};

/**
 * The words of a text: whitespace-separated tokens with leading and trailing punctuation
 * removed; tokens of punctuation only ("-", "–", "./.") are not words.
 */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => token !== '');
}

function inlineText(node: JSONContent): string {
  return (node.content ?? []).map((child) => (child.type === 'text' ? (child.text ?? '') : inlineText(child))).join('');
}

/**
 * The text of an agenda body as it reads in the finished agenda, one string per line:
 * derived numbers before section and item titles ("3.", "3.1."), subheading labels,
 * "./." before enclosure markers, and every paragraph, list entry and topic line.
 */
export function agendaReadingLines(body: JSONContent): string[] {
  const lines: string[] = [];
  const visitBlock = (block: JSONContent): void => {
    switch (block.type) {
      case 'subheading':
        lines.push(SUBHEADING_LABELS[String(block.attrs?.kind)] ?? String(block.attrs?.kind));
        return;
      case 'enclosure':
        lines.push(`./. ${inlineText(block)}`);
        return;
      case 'bulletList':
      case 'indstilling':
      case 'listItem':
        (block.content ?? []).forEach(visitBlock);
        return;
      default:
        lines.push(inlineText(block));
    }
  };
  (body.content ?? []).forEach((section, sectionIndex) => {
    const [title, ...items] = section.content ?? [];
    lines.push(`${sectionIndex + 1}. ${inlineText(title!)}`);
    items.forEach((item, itemIndex) => {
      const [itemTitle, caseLine, ...blocks] = item.content ?? [];
      lines.push(`${sectionIndex + 1}.${itemIndex + 1}. ${inlineText(itemTitle!)}`, inlineText(caseLine!));
      blocks.forEach(visitBlock);
    });
  });
  return lines;
}

/** Every link address in an agenda body, in document order. */
export function agendaLinks(body: JSONContent): Array<{ text: string; href: string }> {
  const links: Array<{ text: string; href: string }> = [];
  const visit = (node: JSONContent): void => {
    const mark = node.marks?.find((m) => m.type === 'link');
    if (node.type === 'text' && mark) links.push({ text: node.text ?? '', href: String(mark.attrs?.href) });
    (node.content ?? []).forEach(visit);
  };
  visit(body);
  return links;
}
