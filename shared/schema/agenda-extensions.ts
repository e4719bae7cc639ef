import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AgendaDocument } from './document';
import { Section } from './section';
import { SectionTitle } from './section-title';
import { Item } from './item';
import { ItemTitle } from './item-title';
import { CaseLine } from './case-line';
import { Subheading } from './subheading';
import { TopicLine } from './topic-line';
import { Indstilling } from './indstilling';
import { Enclosure } from './enclosure';
import { SafeLink } from './safe-link';
import { StructureGuard } from './structure-guard';

/**
 * The one schema of an agenda, as the TipTap extension list. The renderer adds node views
 * and collaboration to it; the server and the exporter use it as it is.
 *
 * StarterKit supplies paragraphs, bullet lists, bold, italic and hard breaks; its undo/redo
 * is off (Yjs undo is used instead) and so is its trailing node (it would insert content
 * on every client at once).
 */
export const agendaExtensions: Extensions = [
  StarterKit.configure({
    document: false,
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    orderedList: false,
    strike: false,
    underline: false,
    link: false,
    undoRedo: false,
    trailingNode: false,
  }),
  AgendaDocument,
  Section,
  SectionTitle,
  Item,
  ItemTitle,
  CaseLine,
  Subheading,
  TopicLine,
  Indstilling,
  Enclosure,
  SafeLink,
  StructureGuard,
];

/** Every node type name of the schema; the export mapping must handle each of them. */
export const AGENDA_NODE_TYPES = [
  'doc', 'section', 'sectionTitle', 'item', 'itemTitle', 'caseLine', 'subheading', 'topicLine',
  'indstilling', 'enclosure', 'paragraph', 'bulletList', 'listItem', 'text', 'hardBreak',
] as const;

/** Every mark type name of the schema. */
export const AGENDA_MARK_TYPES = ['bold', 'italic', 'link'] as const;
