import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaSchema, AGENDA_MARK_TYPES, AGENDA_NODE_TYPES } from '../../../shared/schema';
import { bodyFragment, parseAgendaBody, readAgenda, writeNewAgenda } from '../../../shared/agenda';
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

describe('unsafe links in a Y.Doc', () => {
  it('are read as plain text, so exports and copies never carry them', () => {
    const ydoc = new Y.Doc();
    writeNewAgenda(ydoc, everyNodeAgenda());
    // A modified client writes a javascript: link straight into Yjs.
    const title = bodyFragment(ydoc).get(0) as Y.XmlElement;
    const item = title.get(1) as Y.XmlElement;
    const paragraph = item.get(3) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.format(0, 5, { link: { href: 'javascript:alert(1)' } });
    const agenda = readAgenda(ydoc);
    expect(JSON.stringify(agenda.body)).not.toContain('javascript:');
    expect(JSON.stringify(agenda.body)).toContain('https://www.kl.dk/referat.pdf');
  });
});
