import type { MeetingFacts } from '../agenda/meeting-facts';
import type { CoverText } from './import-result';
import { joinLines } from './line-join';
import type { SourceLine } from './source-lines';

/** What the cover (the text before the first section) said. */
export interface CoverParse {
  facts: Partial<MeetingFacts>;
  /** Recognised cover text: meeting facts and the Mission/Vision box. */
  cover: CoverText[];
  /** Lines that are neither; the importer keeps them in the body and warns. */
  unplaced: SourceLine[];
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const WEEKDAY = '(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)';
const TIME = '\\d{1,2}[.:]\\d{2}(?:\\s*[-–]\\s*\\d{1,2}[.:]\\d{2})?';
const KKR_REGIONS = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'];

/** "K K R  M I D T J Y L L A N D" (letters spaced, words by two spaces) → "KKR MIDTJYLLAND"; null if not spaced. */
export function unspaceCapitals(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^(?:\p{Lu}\s+)+\p{Lu}$/u.test(trimmed)) return null;
  if (/\s{2,}/.test(trimmed)) return trimmed.split(/\s{2,}/).map((word) => word.replace(/\s/g, '')).join(' ');
  const letters = trimmed.replace(/\s/g, '');
  // Without wider gaps between words, split off a known committee prefix.
  return letters.startsWith('KKR') && letters.length > 3 ? `KKR ${letters.slice(3)}` : letters;
}

/** "KKR MIDTJYLLAND" → "KKR Midtjylland": words of more than three capitals get a capital only first. */
function committeeName(value: string): string {
  return value
    .split(' ')
    .map((word) => (word.length > 3 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word))
    .join(' ');
}

/** A committee line: "KKR Midtjylland" or its spaced capitals. */
export function matchCommittee(line: SourceLine): string | null {
  const unspaced = unspaceCapitals(line.raw);
  const candidate = committeeName(unspaced ?? line.text);
  const match = /^KKR (\p{L}+)$/u.exec(candidate);
  if (match && KKR_REGIONS.some((region) => region.toLowerCase() === match[1]!.toLowerCase())) {
    return `KKR ${KKR_REGIONS.find((region) => region.toLowerCase() === match[1]!.toLowerCase())}`;
  }
  return unspaced !== null && unspaced.length > 3 ? committeeName(unspaced) : null;
}

/** "Tirsdag den 18. juni 2024" / "18.06.2024" (optionally with "kl. …") → { date, time }. */
export function matchDateLine(text: string): { date: string; time?: string } | null {
  const named = new RegExp(`^(?:(?:dato|mødedato)\\s*:\\s*)?(?:${WEEKDAY}\\s+)?(?:den\\s+)?(\\d{1,2})\\.\\s*(${MONTHS.join('|')})\\s+(\\d{4})(?:,?\\s*(?:kl\\.?\\s*)?(${TIME}))?$`, 'iu').exec(text);
  const numeric = new RegExp(`^(?:(?:dato|mødedato)\\s*:\\s*)?(?:${WEEKDAY}\\s+)?(?:den\\s+)?(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4})(?:,?\\s*(?:kl\\.?\\s*)?(${TIME}))?$`, 'iu').exec(text);
  let day: number, month: number, year: string, time: string | undefined;
  if (named) {
    [day, month, year, time] = [Number(named[1]), MONTHS.indexOf(named[2]!.toLowerCase()) + 1, named[3]!, named[4]];
  } else if (numeric) {
    [day, month, year, time] = [Number(numeric[1]), Number(numeric[2]), numeric[3]!, numeric[4]];
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return time ? { date, time: time.replace(/\s+/g, '') } : { date };
}

/** "kl. 10.00-12.00", "Tidspunkt: 10.00" → the time; null for anything else. */
export function matchTimeLine(text: string): string | null {
  const match = new RegExp(`^(?:(?:tid|tidspunkt|mødetid)\\s*:?\\s*)?(?:kl\\.?\\s*)?(${TIME})$`, 'iu').exec(text);
  return match ? match[1]!.replace(/\s+/g, '') : null;
}

/** "Sted: Regionshuset Viborg" → the place; null for anything else. */
export function matchPlaceLine(text: string): string | null {
  const match = /^(?:sted|mødested|mødelokale)\s*:\s*(\S.*)$/iu.exec(text);
  return match ? match[1]!.trim() : null;
}

/**
 * Reads the cover: committee (plain or in spaced capitals), "Dagsorden"/"Referat", date,
 * time, place, and KL's Mission/Vision box (a "Mission" or "Vision" line followed by its
 * text up to the next blank line). Everything else is returned as unplaced.
 */
export function parseCover(lines: readonly SourceLine[]): CoverParse {
  const facts: Partial<MeetingFacts> = {};
  const cover: CoverText[] = [];
  const unplaced: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') {
      i++;
      continue;
    }
    const box = /^(Mission|Vision)$/iu.exec(text);
    if (box) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.text === '') j++;
      let body = '';
      while (j < lines.length && lines[j]!.text !== '' && !/^(Mission|Vision)$/iu.test(lines[j]!.text)) {
        body = joinLines(body, lines[j]!.text);
        j++;
      }
      cover.push({ kind: box[1]!.toLowerCase() as 'mission' | 'vision', heading: text, text: body, line: line.lineNumber });
      i = j;
      continue;
    }
    const kindWord = /^(dagsorden|tillægsdagsorden|referat)$/iu.exec(unspaceCapitals(line.raw) ?? text);
    const committee = facts.committee === undefined && !kindWord ? matchCommittee(line) : null;
    const date = facts.date === undefined ? matchDateLine(text) : null;
    const time = facts.time === undefined ? matchTimeLine(text) : null;
    const place = facts.place === undefined ? matchPlaceLine(text) : null;
    if (committee !== null) {
      facts.committee = committee;
      cover.push({ kind: 'committee', text, line: line.lineNumber });
    } else if (kindWord && facts.kind === undefined) {
      facts.kind = kindWord[1]!.toLowerCase() === 'referat' ? 'referat' : 'dagsorden';
      cover.push({ kind: 'kind', text, line: line.lineNumber });
    } else if (date !== null) {
      facts.date = date.date;
      if (date.time !== undefined && facts.time === undefined) facts.time = date.time;
      cover.push({ kind: 'date', text, line: line.lineNumber });
    } else if (time !== null) {
      facts.time = time;
      cover.push({ kind: 'time', text, line: line.lineNumber });
    } else if (place !== null) {
      facts.place = place;
      cover.push({ kind: 'place', text, line: line.lineNumber });
    } else {
      unplaced.push(line);
    }
    i++;
  }
  return { facts, cover, unplaced };
}

/**
 * The committee named most often in the text as "KKR <region>", for a text whose cover does
 * not say; null when no KKR is named.
 */
export function mostNamedCommittee(text: string): { committee: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(new RegExp(`\\bKKR\\s+(${KKR_REGIONS.join('|')})`, 'gu'))) {
    const name = `KKR ${match[1]}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: { committee: string; count: number } | null = null;
  for (const [committee, count] of counts) if (!best || count > best.count) best = { committee, count };
  return best;
}
