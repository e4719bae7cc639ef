import { describe, expect, it } from 'vitest';
import { formatDateField, parseDanishDate } from '../../../../shared/agenda/danish-date';

describe('Danish dates in the meeting facts form', () => {
  it('reads the ways Danes write a date, and ISO dates', () => {
    expect(parseDanishDate('18.06.2024')).toBe('2024-06-18');
    expect(parseDanishDate('18.6.2024')).toBe('2024-06-18');
    expect(parseDanishDate(' 1-2-2025 ')).toBe('2025-02-01');
    expect(parseDanishDate('18/6 2024')).toBe('2024-06-18');
    expect(parseDanishDate('2024-06-18')).toBe('2024-06-18');
    expect(parseDanishDate('')).toBe('');
  });

  it('refuses dates that do not exist and text that is no date', () => {
    expect(parseDanishDate('31.06.2024')).toBeNull();
    expect(parseDanishDate('29.02.2023')).toBeNull();
    expect(parseDanishDate('i morgen')).toBeNull();
    expect(parseDanishDate('18.06.24')).toBeNull();
  });

  it('shows a stored date as dd.mm.åååå', () => {
    expect(formatDateField('2024-06-18')).toBe('18.06.2024');
    expect(formatDateField('')).toBe('');
    expect(parseDanishDate(formatDateField('2025-12-01'))).toBe('2025-12-01');
  });
});
