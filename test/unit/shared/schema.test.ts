import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaSchema, AGENDA_MARK_TYPES, AGENDA_NODE_TYPES } from '../../../shared/schema';
import { parseAgendaBody, readAgenda, writeNewAgenda } from '../../../shared/agenda';
import { everyNodeAgenda } from '../../support/every-node-agenda';

describe('agenda schema', () => {
  it('builds with exactly the listed node and mark types', () => {
    const schema = agendaSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual([...AGENDA_NODE_TYPES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...AGENDA_MARK_TYPES].sort());
    expect(schema.topNodeType.name).toBe('doc');
  });

  it('holds a document using every node and mark type', () => {
    const node = parseAgendaBody(everyNodeAgenda().body);
    const nodeTypes = new Set<string>([node.type.name]);
    const markTypes = new Set<string>();
    node.descendants((child) => {
      nodeTypes.add(child.type.name);
      for (const mark of child.marks) markTypes.add(mark.type.name);
    });
    expect([...nodeTypes].sort()).toEqual([...AGENDA_NODE_TYPES].sort());
    expect([...markTypes].sort()).toEqual([...AGENDA_MARK_TYPES].sort());
  });

  it('round-trips a document to JSON and back unchanged', () => {
    const json = everyNodeAgenda().body;
    const node = agendaSchema().nodeFromJSON(json);
    const again = agendaSchema().nodeFromJSON(node.toJSON());
    expect(again.eq(node)).toBe(true);
    expect(node.toJSON()).toEqual(again.toJSON());
  });

  it('round-trips a document through a Y.Doc and a Yjs update', () => {
    const agenda = everyNodeAgenda();
    const first = new Y.Doc();
    writeNewAgenda(first, agenda);
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    const read = readAgenda(second);
    expect(read.meeting).toEqual(agenda.meeting);
    expect(agendaSchema().nodeFromJSON(read.body).eq(agendaSchema().nodeFromJSON(agenda.body))).toBe(true);
  });

  it('refuses content the schema does not allow, naming the problem', () => {
    expect(() => parseAgendaBody({ type: 'doc', content: [{ type: 'paragraph' }] })).toThrow(/Invalid content|Ugyldig/);
    expect(() => parseAgendaBody({ type: 'doc', content: [{ type: 'mystery' }] })).toThrow(/mystery/);
  });
});
