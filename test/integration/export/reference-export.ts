import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dehyphenate, words } from './pdf-tools';

/** The reference agenda's text layer (test/fixtures/kkr-midtjylland-2024-06-18.txt). */
export const REFERENCE_TEXT = readFileSync(fileURLToPath(new URL('../../fixtures/kkr-midtjylland-2024-06-18.txt', import.meta.url)), 'utf8');

/** The 7 section headings of the reference, as printed. */
export const REFERENCE_SECTIONS = [
  '1. Godkendelse af referat', '2. Siden sidst', '3. Regionalpolitiske sager', '4. Udpegninger', '5. KKR',
  '6. Punkter til næste møde', '7. Eventuelt',
];

/** The 9 items of the reference: number, title and case line, as printed. */
export const REFERENCE_ITEMS = [
  ['1.1.', 'Godkendelse af referat fra møde i KKR Midtjylland den 17. april 2024', 'SAG-2024-01875 chbn/jhp'],
  ['2.1.', 'Orienteringer', 'SAG-2024-01875 chbn / jhp'],
  ['3.1.', 'Årlig beretning fra næstformanden i Central Denmark EU Office', 'SAG-2024-01875 chbn'],
  ['3.2.', 'Temadrøftelse: Sundhedsstrukturkommissionens modeller for fremtidens sundhedsvæsen', 'SAG-2024-01875 asfn/jhp'],
  ['3.3.', 'Økonomiaftale 2025', 'SAG-2024-01875 haan'],
  ['3.4.', 'Landstallet for flygtning 2025', 'SAG-2024-01875 chbn'],
  ['3.5.', 'Erhvervsfremmestrategi 2024-2027', 'SAG-2024-01875 snm'],
  ['6.1.', 'Punkter til mødet i KKR Midtjylland den 6. september 2024', 'SAG-2024-01875 chbn/jhp'],
  ['7.1.', 'Eventuelt', 'SAG-2024-01875 chbn'],
] as const;

/** The words of the reference body (from "1. Godkendelse af referat" on; link URLs left out), hyphenation undone. */
export function referenceBodyWords(): string[] {
  const body = REFERENCE_TEXT.slice(REFERENCE_TEXT.indexOf(' 1. Godkendelse af referat'));
  const withoutUrls = body.split('\n').filter((line) => !/^\s*https?:\/\//.test(line)).join('\n');
  return words(dehyphenate(withoutUrls, 'reference'));
}

/** KL's Mission and Vision as one line, from the reference's cover. */
export function referenceMissionAndVision(): string {
  const cover = REFERENCE_TEXT.slice(0, REFERENCE_TEXT.indexOf(' 1. Godkendelse af referat'));
  return words(dehyphenate(cover, 'reference')).join(' ');
}
