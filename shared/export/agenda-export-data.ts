import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { parseAgendaBody, type AgendaFile } from '../agenda/agenda-file';
import { splitCaseLine } from '../agenda/case-line';
import { documentTitle, formatDanishDate } from '../agenda/meeting-facts';
import { numberLabel } from '../agenda/numbering';
import { AGENDA_MARK_TYPES, AGENDA_NODE_TYPES } from '../schema/agenda-extensions';
import { SUBHEADING_LABELS, isSubheadingKind } from '../schema/subheading-kind';
import {
  EXPORT_DATA_VERSION, type AgendaExportData, type ExportBlock, type ExportInline, type ExportItem, type ExportSection,
} from './export-data';

/** A node type name of the agenda schema. */
export type AgendaNodeType = (typeof AGENDA_NODE_TYPES)[number];
/** A mark type name of the agenda schema. */
export type AgendaMarkType = (typeof AGENDA_MARK_TYPES)[number];

/** Which version of the PDF to make. */
export interface ExportVersionOptions {
  /** The public version: closed items show number, title and "(Lukket punkt)" only. */
  public: boolean;
}

/** Printed after a closed item's title, in both versions. */
export const CLOSED_ITEM_LABEL = '(Lukket punkt)';

/** Thrown when an agenda body holds something the export cannot print. */
export class AgendaExportError extends Error {
  override name = 'AgendaExportError';
}

/**
 * The export data of an agenda file: meeting facts, and every section and item with its
 * derived number ("3.", "3.1.", counted as `agendaNumbers` counts them) and its body. In the
 * public version a closed item keeps its number and title and loses everything else, so
 * nothing of it can reach the PDF. The body is checked against the schema first.
 */
export function agendaExportData(agenda: AgendaFile, options: ExportVersionOptions): AgendaExportData {
  const doc = parseAgendaBody(agenda.body);
  const sections: ExportSection[] = [];
  doc.forEach((sectionNode) => {
    const section = mapNode(sectionNode, { public: options.public, section: sections.length + 1, item: 0 });
    if (section.kind !== 'section') throw unexpected(sectionNode, 'dokumentet');
    sections.push(section.section);
  });
  return {
    version: EXPORT_DATA_VERSION,
    title: documentTitle(agenda.meeting),
    lang: 'da',
    kindLabel: agenda.meeting.kind === 'referat' ? 'Referat' : 'Dagsorden',
    committee: agenda.meeting.committee.trim(),
    date: formatDanishDate(agenda.meeting.date),
    time: agenda.meeting.time.trim(),
    place: agenda.meeting.place.trim(),
    public: options.public,
    closedLabel: CLOSED_ITEM_LABEL,
    sections,
  };
}

interface MapContext {
  public: boolean;
  /** 1-based number of the section being mapped. */
  section: number;
  /** 1-based number of the item being mapped within its section. */
  item: number;
}

/** What one node maps to; the caller checks it got the kind its position allows. */
type Mapped =
  | { kind: 'section'; section: ExportSection }
  | { kind: 'item'; item: ExportItem }
  | { kind: 'block'; block: ExportBlock }
  | { kind: 'inline'; inline: ExportInline }
  | { kind: 'title'; text: string }
  | { kind: 'listItem'; blocks: ExportBlock[] };

/**
 * The one switch over every node type. A node type added to the schema (and to
 * AGENDA_NODE_TYPES) without a case here fails to compile at `assertNever`.
 */
function mapNode(node: PMNode, context: MapContext): Mapped {
  const type = nodeType(node);
  switch (type) {
    case 'doc':
      throw unexpected(node, 'et andet dokument');
    case 'section':
      return { kind: 'section', section: mapSection(node, context) };
    case 'sectionTitle':
    case 'itemTitle':
    case 'caseLine':
      return { kind: 'title', text: node.textContent };
    case 'topicLine':
      return { kind: 'block', block: { kind: 'topicLine', text: node.textContent } };
    case 'item':
      return { kind: 'item', item: mapItem(node, context) };
    case 'paragraph':
      return { kind: 'block', block: { kind: 'paragraph', content: inlines(node, context) } };
    case 'bulletList':
      return { kind: 'block', block: { kind: 'list', items: listItems(node, context) } };
    case 'listItem':
      return { kind: 'listItem', blocks: blocks(node, context) };
    case 'subheading': {
      const kind = node.attrs.kind;
      if (!isSubheadingKind(kind)) throw new AgendaExportError(`${where(context)}: ukendt underoverskrift ${JSON.stringify(kind)}`);
      return { kind: 'block', block: { kind: 'subheading', subheading: kind, label: SUBHEADING_LABELS[kind] } };
    }
    case 'indstilling':
      return { kind: 'block', block: mapIndstilling(node, context) };
    case 'enclosure':
      return { kind: 'block', block: { kind: 'enclosure', content: inlines(node, context) } };
    case 'text':
      return { kind: 'inline', inline: mapText(node) };
    case 'hardBreak':
      return { kind: 'inline', inline: { kind: 'break' } };
    default:
      return assertNever(type);
  }
}

function mapSection(node: PMNode, context: MapContext): ExportSection {
  let title = '';
  const items: ExportItem[] = [];
  node.forEach((child) => {
    const mapped = mapNode(child, { ...context, item: items.length + 1 });
    if (mapped.kind === 'title' && nodeType(child) === 'sectionTitle') title = mapped.text;
    else if (mapped.kind === 'item') items.push(mapped.item);
    else throw unexpected(child, `afsnit ${numberLabel(context.section)}`);
  });
  return { number: numberLabel(context.section), title, items };
}

function mapItem(node: PMNode, context: MapContext): ExportItem {
  const closed = node.attrs.closed === true;
  const withheld = closed && context.public;
  let title = '';
  let caseLine = '';
  const body: ExportBlock[] = [];
  node.forEach((child) => {
    const type = nodeType(child);
    if (type === 'itemTitle') {
      title = child.textContent;
      return;
    }
    // A withheld item's body is never mapped, so none of it can reach the export data.
    if (withheld) return;
    if (type === 'caseLine') {
      caseLine = child.textContent;
      return;
    }
    body.push(block(child, context, `punkt ${where(context)}`));
  });
  const { caseNumber, initials } = withheld ? { caseNumber: '', initials: '' } : splitCaseLine(caseLine);
  return { number: numberLabel(context.section, context.item), title, caseNumber, initials, closed, withheld, body };
}

function mapIndstilling(node: PMNode, context: MapContext): ExportBlock {
  let lead: ExportInline[] = [];
  let clauses: ExportBlock[][] = [];
  node.forEach((child, _offset, index) => {
    const mapped = block(child, context, `indstillingen i punkt ${where(context)}`);
    if (index === 0 && mapped.kind === 'paragraph') lead = mapped.content;
    else if (index === 1 && mapped.kind === 'list') clauses = mapped.items;
    else throw unexpected(child, `indstillingen i punkt ${where(context)}`);
  });
  return { kind: 'indstilling', lead, clauses };
}

function mapText(node: PMNode): ExportInline {
  const inline = { kind: 'text' as const, text: node.text ?? '', bold: false, italic: false, href: null as string | null };
  for (const mark of node.marks) applyMark(inline, mark);
  return inline;
}

/** The one switch over every mark type; a forgotten mark type fails to compile. */
function applyMark(inline: Extract<ExportInline, { kind: 'text' }>, mark: Mark): void {
  const type = mark.type.name as AgendaMarkType;
  if (!(AGENDA_MARK_TYPES as readonly string[]).includes(type)) throw new AgendaExportError(`Ukendt formatering "${mark.type.name}"`);
  switch (type) {
    case 'bold':
      inline.bold = true;
      return;
    case 'italic':
      inline.italic = true;
      return;
    case 'link':
      inline.href = typeof mark.attrs.href === 'string' ? mark.attrs.href : null;
      return;
    default:
      assertNever(type);
  }
}

function block(node: PMNode, context: MapContext, place: string): ExportBlock {
  const mapped = mapNode(node, context);
  if (mapped.kind !== 'block') throw unexpected(node, place);
  return mapped.block;
}

function blocks(node: PMNode, context: MapContext): ExportBlock[] {
  const result: ExportBlock[] = [];
  node.forEach((child) => result.push(block(child, context, `en liste i punkt ${where(context)}`)));
  return result;
}

function listItems(node: PMNode, context: MapContext): ExportBlock[][] {
  const result: ExportBlock[][] = [];
  node.forEach((child) => {
    const mapped = mapNode(child, context);
    if (mapped.kind !== 'listItem') throw unexpected(child, `en liste i punkt ${where(context)}`);
    result.push(mapped.blocks);
  });
  return result;
}

function inlines(node: PMNode, context: MapContext): ExportInline[] {
  const result: ExportInline[] = [];
  node.forEach((child) => {
    const mapped = mapNode(child, context);
    if (mapped.kind !== 'inline') throw unexpected(child, `teksten i punkt ${where(context)}`);
    result.push(mapped.inline);
  });
  return result;
}

function nodeType(node: PMNode): AgendaNodeType {
  const name = node.type.name;
  if (!(AGENDA_NODE_TYPES as readonly string[]).includes(name)) throw new AgendaExportError(`Ukendt elementtype "${name}" kan ikke eksporteres`);
  return name as AgendaNodeType;
}

function where(context: MapContext): string {
  return numberLabel(context.section, context.item || undefined);
}

function unexpected(node: PMNode, place: string): AgendaExportError {
  return new AgendaExportError(`Elementet "${node.type.name}" hører ikke hjemme i ${place}`);
}

function assertNever(value: never): never {
  throw new AgendaExportError(`Elementtypen ${JSON.stringify(value)} kan ikke eksporteres`);
}
