/** The two parts of a case line. */
export interface CaseLineParts {
  /** The case number in the records system, e.g. "SAG-2024-01875". */
  caseNumber: string;
  /** The responsible caseworkers' initials, e.g. "chbn/jhp". */
  initials: string;
}

/** "SAG-2024-01875 chbn / jhp" → { caseNumber: "SAG-2024-01875", initials: "chbn / jhp" }. */
export function splitCaseLine(text: string): CaseLineParts {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) return { caseNumber: trimmed, initials: '' };
  return { caseNumber: trimmed.slice(0, space), initials: trimmed.slice(space).trim() };
}
