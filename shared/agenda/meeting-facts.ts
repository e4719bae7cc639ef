/** Whether the document is the agenda before the meeting or the minutes after it. */
export type DocumentKind = 'dagsorden' | 'referat';

/** The facts about the meeting that the cover, header and title are made from. */
export interface MeetingFacts {
  /** The committee, e.g. "KKR Midtjylland". */
  committee: string;
  kind: DocumentKind;
  /** The meeting date as an ISO date, YYYY-MM-DD; empty while not yet decided. */
  date: string;
  /** Free text, e.g. "10.00-12.00". */
  time: string;
  place: string;
}

/** Meeting facts of a new agenda before anyone has filled them in. */
export const EMPTY_MEETING_FACTS: MeetingFacts = {
  committee: '',
  kind: 'dagsorden',
  date: '',
  time: '',
  place: '',
};

const MAX_FIELD_LENGTH = 500;

/**
 * Checks untrusted meeting facts. Returns the facts, or throws an Error whose message names
 * the field that is wrong.
 */
export function parseMeetingFacts(value: unknown, where = 'meeting'): MeetingFacts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: must be an object with committee, kind, date, time and place`);
  }
  const record = value as Record<string, unknown>;
  const text = (field: keyof MeetingFacts): string => {
    const v = record[field] ?? '';
    if (typeof v !== 'string') throw new Error(`${where}.${field}: must be text, got ${typeof v}`);
    if (v.length > MAX_FIELD_LENGTH) throw new Error(`${where}.${field}: longer than ${MAX_FIELD_LENGTH} characters`);
    return v;
  };
  const kind = record.kind ?? 'dagsorden';
  if (kind !== 'dagsorden' && kind !== 'referat') {
    throw new Error(`${where}.kind: must be "dagsorden" or "referat", got ${JSON.stringify(kind)}`);
  }
  const date = text('date');
  if (date !== '' && !isIsoDate(date)) throw new Error(`${where}.date: must be a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return { committee: text('committee'), kind, date, time: text('time'), place: text('place') };
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DANISH_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2024-06-18" → "18. juni 2024"; an empty or invalid date gives "". */
export function formatDanishDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return '';
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
}

/** The document title, e.g. "Dagsorden – KKR Midtjylland – 18. juni 2024". */
export function documentTitle(facts: MeetingFacts): string {
  const kind = facts.kind === 'referat' ? 'Referat' : 'Dagsorden';
  return [kind, facts.committee.trim(), formatDanishDate(facts.date)].filter(Boolean).join(' – ');
}
