import { isIsoDate } from './meeting-facts';

/**
 * Reads a date as Danes write it — "18.6.2024", "18-06-2024", "18/6 2024" — or as an ISO
 * date ("2024-06-18"). Returns the ISO date, or null when the text is not a real date.
 * Empty text gives "" (no date decided yet).
 */
export function parseDanishDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return '';
  if (isIsoDate(value)) return value;
  const match = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./\s-]\s*(\d{4})$/.exec(value);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** "2024-06-18" → "18.06.2024", the form the date field shows; "" stays "". */
export function formatDateField(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
