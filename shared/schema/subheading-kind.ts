/** The standing subheadings of an item, in the order they appear when present. */
export const SUBHEADING_KINDS = ['baggrund', 'indstilling', 'sagsfremstilling', 'beslutning'] as const;

export type SubheadingKind = (typeof SUBHEADING_KINDS)[number];

/** The Danish label printed for each subheading kind. */
export const SUBHEADING_LABELS: Record<SubheadingKind, string> = {
  baggrund: 'Baggrund',
  indstilling: 'Indstilling',
  sagsfremstilling: 'Sagsfremstilling',
  beslutning: 'Beslutning',
};

/** True when `value` names a subheading kind. */
export function isSubheadingKind(value: unknown): value is SubheadingKind {
  return typeof value === 'string' && (SUBHEADING_KINDS as readonly string[]).includes(value);
}
