import { describe, expect, it } from 'vitest';
import { joinLines, lineBreakKind } from '../../../../shared/import/line-join';

describe('end-of-line hyphenation', () => {
  it.each([
    ['i forbindelse med at Frigastud-', 'valget havde afleveret', 'i forbindelse med at Frigastudvalget havde afleveret'],
    ['til sanering af Erhvervsstøtteordnin-', 'gerne.', 'til sanering af Erhvervsstøtteordningerne.'],
    ['VIA Univer-', 'sity College', 'VIA University College'],
    ['fordrevne fra Ukra-', 'ine i 2024', 'fordrevne fra Ukraine i 2024'],
    ['et sammenhængende, ro-', 'bust og', 'et sammenhængende, robust og'],
    ['KKR formandska-', 'berne.', 'KKR formandskaberne.'],
    ['på baggrund af er-', 'hvervs- og teknologiområder', 'på baggrund af erhvervs- og teknologiområder'],
    ['med den danske EU-formandska-', 'bet', 'med den danske EU-formandskabet'],
  ])('removes a hyphen that splits a word: %s / %s', (previous, next, joined) => {
    expect(lineBreakKind(previous, next)).toBe('soft-hyphen');
    expect(joinLines(previous, next)).toBe(joined);
  });

  it.each([
    ['Da Danmark har EU-', 'formandskabet i andet halvår', 'Da Danmark har EU-formandskabet i andet halvår'],
    ['hvor KKR-', 'formandskabet repræsenterer', 'hvor KKR-formandskabet repræsenterer'],
    ['Dimensionering af SOSU-', 'uddannelserne', 'Dimensionering af SOSU-uddannelserne'],
    ['kommunale indsatsområder 2024-', '2026:', 'kommunale indsatsområder 2024-2026:'],
    ['SAG-2024-', '01875 chbn/jhp', 'SAG-2024-01875 chbn/jhp'],
    ['antallet af +80-', 'årige med', 'antallet af +80-årige med'],
    ['samarbejde med Nord-', 'Amerika', 'samarbejde med Nord-Amerika'],
  ])('keeps a real hyphen (abbreviation, digit, or capital next): %s / %s', (previous, next, joined) => {
    expect(lineBreakKind(previous, next)).toBe('hard-hyphen');
    expect(joinLines(previous, next)).toBe(joined);
  });

  it.each([
    ['der etableres 7-12 sundheds-', 'og omsorgsklynger', 'der etableres 7-12 sundheds- og omsorgsklynger'],
    ['forsknings-', 'eller videnmiljøer', 'forsknings- eller videnmiljøer'],
    ['behandlings-', 'samt plejebehov', 'behandlings- samt plejebehov'],
  ])('keeps a suspended compound hyphen before "og"/"eller"/"samt", with a space: %s / %s', (previous, next, joined) => {
    expect(lineBreakKind(previous, next)).toBe('suspended-hyphen');
    expect(joinLines(previous, next)).toBe(joined);
  });

  it('joins ordinary lines, and lines ending in a dash, with a space', () => {
    expect(joinLines('fremsendte KKR Midtjyllands formandskab', 'vedlagte henvendelse')).toBe('fremsendte KKR Midtjyllands formandskab vedlagte henvendelse');
    expect(lineBreakKind('Årsberetning 2023 -', 'Central Denmark EU Office')).toBe('space');
    expect(joinLines('Årsberetning 2023 -', 'Central Denmark EU Office')).toBe('Årsberetning 2023 - Central Denmark EU Office');
    expect(joinLines('som går på tværs –', 'og at det primært')).toBe('som går på tværs – og at det primært');
  });

  it('always removes a soft hyphen (U+00AD) at a line end', () => {
    expect(joinLines('Frigastud\u00ad', 'valget')).toBe('Frigastudvalget');
    expect(joinLines('EU\u00ad', 'Formandskabet')).toBe('EUFormandskabet');
  });

  it('treats empty sides as nothing to join', () => {
    expect(joinLines('', 'valget')).toBe('valget');
    expect(joinLines('Frigastud-', '')).toBe('Frigastud-');
  });
});
