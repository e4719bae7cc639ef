import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { agendaExtensions } from './agenda-extensions';

let cached: Schema | undefined;

/** The ProseMirror schema built from `agendaExtensions` (built once, then reused). */
export function agendaSchema(): Schema {
  cached ??= getSchema(agendaExtensions);
  return cached;
}
