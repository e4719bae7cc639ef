import { describe, expect, it } from 'vitest';
import { agendaSchema } from '../../shared/schema/agenda-schema';
import { offsetsOutsideTokens, tokenCounts, tokenText } from './fuzz-tokens';

/** A document whose only text is `text` (in the first section's title). */
function docWith(text: string) {
  return agendaSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'section', content: [{ type: 'sectionTitle', content: [{ type: 'text', text }] }] }] });
}

describe('fuzz tokens', () => {
  it('counts a token right after a damaged one (whose name runs into its opening delimiter)', () => {
    const damaged = tokenText(0, 6).slice(0, -1);
    const whole = tokenText(2, 71);
    expect(tokenCounts(docWith(`SA ${damaged}${whole}bn ${whole}`))).toEqual(new Map([['c2-t71', 2]]));
  });

  it('offers no offset inside a token, its closing delimiter included', () => {
    const token = tokenText(1, 2);
    expect(offsetsOutsideTokens(`ab${token}c`)).toEqual([0, 1, 2, 2 + token.length, 3 + token.length]);
  });
});
