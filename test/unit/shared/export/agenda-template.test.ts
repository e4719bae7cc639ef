import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const template = readFileSync(new URL('../../../../shared/export/agenda.typ', import.meta.url), 'utf8');

describe('shared/export/agenda.typ', () => {
  it('reads the agenda only as data from sys.inputs', () => {
    expect(template).toContain('json(bytes(sys.inputs.agenda))');
    expect(template).not.toMatch(/\beval\(/);
  });

  it('keeps the adjustable values (fonts, sizes, margins, colours) before the data is read', () => {
    const top = template.slice(0, template.indexOf('#let agenda = json('));
    for (const name of ['font-family', 'body-size', 'margin-left', 'margin-right', 'text-colour', 'muted-colour', 'hyphenation-exceptions', 'kl-mission', 'kl-vision']) {
      expect(top).toMatch(new RegExp(`#let ${name} =`));
    }
  });

  it('prints the case line in a grey with at least 4.5:1 contrast on white', () => {
    const hex = /#let muted-colour = rgb\("#([0-9a-f]{6})"\)/i.exec(template)![1]!;
    const luminance = (hex.match(/../g)!.map((h) => parseInt(h, 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]);
    const l = 0.2126 * luminance[0] + 0.7152 * luminance[1] + 0.0722 * luminance[2];
    expect(1.05 / (l + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
