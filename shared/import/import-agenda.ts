import type { JSONContent } from '@tiptap/core';
import { agendaBody, item, section } from '../agenda/agenda-builders';
import { agendaFile, parseAgendaBody } from '../agenda/agenda-file';
import { parseMeetingFacts, type MeetingFacts } from '../agenda/meeting-facts';
import { readOutline, type OutlineItem } from './agenda-outline';
import { blockToJson } from './blocks-to-json';
import { mostNamedCommittee, parseCover } from './cover';
import type { ImportBlock } from './import-blocks';
import { AgendaImportError, type AgendaImportResult, type ImportOptions, type ImportWarning } from './import-result';
import { parseItemBody } from './item-body';
import { estimateColumnWidth } from './line-ends';
import { matchBareUrl } from './line-patterns';
import { attachBareUrls } from './link-anchors';
import { splitSourceText, type SourceLine } from './source-lines';

/** Title of the item made to hold unplaceable text when the agenda has no item to put it in. */
export const UNPLACED_ITEM_TITLE = 'Tekst der ikke kunne placeres';

interface ImportedItem {
  outline: OutlineItem;
  blocks: ImportBlock[];
}

const excerpt = (lines: readonly SourceLine[]): string => {
  const joined = lines.map((line) => line.text).filter(Boolean).join(' ');
  return joined.length > 60 ? `${joined.slice(0, 57)}…` : joined;
};

/**
 * Imports the text layer of an existing KL-style agenda (hard line breaks, end-of-line
 * hyphenation, page-start section headings, bare link addresses at page ends; see the
 * modules of shared/import for each rule) as an agenda file.
 *
 * Nothing is dropped: text that fits no structure is put in a paragraph of the nearest item
 * and reported in `warnings`; the cover's Mission/Vision box and meeting facts are returned
 * in `cover`. Meeting facts come from `options.meeting`, else from the cover, else (the
 * committee) from the text. Throws AgendaImportError when the text has no agenda sections.
 */
export function importAgendaText(source: string, options: ImportOptions = {}): AgendaImportResult {
  const text = splitSourceText(source);
  const outline = readOutline(text);
  if (outline.sections.length === 0) {
    throw new AgendaImportError('Ingen dagsorden fundet i teksten: der er ingen nummererede afsnit som "1. Godkendelse af referat" eller punkter som "1.1. …"');
  }
  const warnings: ImportWarning[] = [...outline.warnings];
  const columnWidth = estimateColumnWidth(text.lines.filter((line) => matchBareUrl(line.text) === null).map((line) => line.text));
  const coverParse = parseCover(outline.cover);

  const sections = outline.sections.map((outlineSection) => ({
    title: outlineSection.title,
    leading: outlineSection.leading,
    items: outlineSection.items.map((outlineItem): ImportedItem => {
      const body = parseItemBody(outlineItem.body, columnWidth);
      warnings.push(...body.warnings);
      return { outline: outlineItem, blocks: body.blocks };
    }),
  }));

  placeUnplacedText(sections, coverParse.unplaced, columnWidth, warnings);
  const { links } = attachBareUrls(sections.flatMap((s) => s.items.map((i) => i.blocks)), warnings);
  const meeting = meetingFacts(source, coverParse.facts, sections, options, warnings);

  const body = agendaBody(
    sections.map((s) =>
      section(
        s.title,
        s.items.map((i) => item({ title: i.outline.title, caseLine: i.outline.caseLine, closed: i.outline.closed, body: i.blocks.map(blockToJson) })),
      ),
    ),
  );
  parseAgendaBody(body);
  warnings.sort((a, b) => a.line - b.line);
  return {
    agenda: agendaFile(meeting, body),
    warnings,
    cover: coverParse.cover,
    summary: {
      sections: sections.length,
      items: sections.reduce((n, s) => n + s.items.length, 0),
      enclosures: countNodes(body, 'enclosure'),
      links,
    },
  };
}

function countNodes(node: JSONContent, type: string): number {
  return (node.type === type ? 1 : 0) + (node.content ?? []).reduce((n, child) => n + countNodes(child, type), 0);
}

/**
 * Puts text that belongs to no item (unrecognised cover text; text between a section heading
 * and its first item) into paragraphs of the nearest item: the item before it, or else the
 * first item after it; if the agenda has no item at all, into a new item in the last
 * section. Each piece is reported.
 */
function placeUnplacedText(
  sections: Array<{ title: string; leading: SourceLine[]; items: ImportedItem[] }>,
  coverLines: SourceLine[],
  columnWidth: number,
  warnings: ImportWarning[],
): void {
  const label = (sectionIndex: number, itemIndex: number) => `${sectionIndex + 1}.${itemIndex + 1}.`;
  const hasText = (lines: readonly SourceLine[]) => lines.some((line) => line.text !== '' && matchBareUrl(line.text) === null);
  const ensureHolder = (): { sectionIndex: number; itemIndex: number } => {
    const last = sections.at(-1)!;
    last.items.push({
      outline: { title: UNPLACED_ITEM_TITLE, caseLine: '', closed: false, sourceNumber: '', line: 0, body: [] },
      blocks: [],
    });
    warnings.push({ line: 0, message: `Dagsordenen har ingen punkter; tekst uden plads er lagt i et nyt punkt "${UNPLACED_ITEM_TITLE}"` });
    return { sectionIndex: sections.length - 1, itemIndex: last.items.length - 1 };
  };
  const firstItemFrom = (sectionIndex: number) => {
    for (let s = sectionIndex; s < sections.length; s++) if (sections[s]!.items.length > 0) return { sectionIndex: s, itemIndex: 0 };
    return null;
  };
  const lastItemBefore = (sectionIndex: number) => {
    for (let s = sectionIndex - 1; s >= 0; s--) if (sections[s]!.items.length > 0) return { sectionIndex: s, itemIndex: sections[s]!.items.length - 1 };
    return null;
  };

  const put = (lines: SourceLine[], where: string, target: { sectionIndex: number; itemIndex: number }, atStart: boolean) => {
    const parsed = parseItemBody(lines, columnWidth);
    warnings.push(...parsed.warnings);
    const holder = sections[target.sectionIndex]!.items[target.itemIndex]!;
    if (atStart) holder.blocks.unshift(...parsed.blocks);
    else holder.blocks.push(...parsed.blocks);
    if (hasText(lines)) {
      warnings.push({
        line: lines.find((line) => line.text !== '')!.lineNumber,
        message: `Tekst ${where} ("${excerpt(lines)}") passer ikke i dagsordenens opbygning; den er bevaret som tekst i punkt ${label(target.sectionIndex, target.itemIndex)}`,
      });
    }
  };

  if (coverLines.some((line) => line.text !== '')) {
    const target = firstItemFrom(0) ?? ensureHolder();
    put(coverLines, 'på forsiden', target, true);
  }
  sections.forEach((s, sectionIndex) => {
    if (!s.leading.some((line) => line.text !== '')) return;
    const before = lastItemBefore(sectionIndex);
    const target = before ?? firstItemFrom(sectionIndex) ?? ensureHolder();
    put(s.leading, `mellem afsnit ${sectionIndex + 1} og dets første punkt`, target, before === null);
  });
}

function meetingFacts(
  source: string,
  cover: Partial<MeetingFacts>,
  sections: Array<{ items: ImportedItem[] }>,
  options: ImportOptions,
  warnings: ImportWarning[],
): MeetingFacts {
  const given = options.meeting ?? {};
  let committee = given.committee ?? cover.committee;
  if (committee === undefined) {
    const named = mostNamedCommittee(source);
    if (named) {
      committee = named.committee;
      warnings.push({ line: 0, message: `Forsiden nævner ikke udvalget; "${named.committee}" er udledt af teksten (nævnt ${named.count} gange)` });
    } else {
      warnings.push({ line: 0, message: 'Udvalget blev ikke fundet i teksten; udfyld det i mødeoplysningerne' });
    }
  }
  const hasDecisions = sections.some((s) => s.items.some((i) => i.blocks.some((b) => b.kind === 'subheading' && b.subheading === 'beslutning')));
  const date = given.date ?? cover.date;
  if (date === undefined) warnings.push({ line: 0, message: 'Mødedatoen står ikke i teksten; udfyld den i mødeoplysningerne' });
  const time = given.time ?? cover.time;
  const place = given.place ?? cover.place;
  const missing = [time === undefined ? 'tidspunkt' : '', place === undefined ? 'sted' : ''].filter(Boolean);
  if (missing.length > 0) warnings.push({ line: 0, message: `Mødets ${missing.join(' og ')} står ikke i teksten; udfyld det i mødeoplysningerne` });
  try {
    return parseMeetingFacts({
      committee: committee ?? '',
      kind: given.kind ?? cover.kind ?? (hasDecisions ? 'referat' : 'dagsorden'),
      date: date ?? '',
      time: time ?? '',
      place: place ?? '',
    });
  } catch (error) {
    throw new AgendaImportError(`Ugyldige mødeoplysninger: ${(error as Error).message}`);
  }
}
