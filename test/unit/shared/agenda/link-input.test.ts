import { describe, expect, it } from 'vitest';
import { readLinkInput } from '../../../../shared/agenda/link-input';

describe('the link address a person types', () => {
  it('accepts http, https and mailto, and completes www. and e-mail addresses', () => {
    expect(readLinkInput(' https://www.kl.dk/referat.pdf ')).toEqual({ href: 'https://www.kl.dk/referat.pdf' });
    expect(readLinkInput('http://kl.dk')).toEqual({ href: 'http://kl.dk' });
    expect(readLinkInput('mailto:kkr@kl.dk')).toEqual({ href: 'mailto:kkr@kl.dk' });
    expect(readLinkInput('www.kl.dk')).toEqual({ href: 'https://www.kl.dk' });
    expect(readLinkInput('kkr@kl.dk')).toEqual({ href: 'mailto:kkr@kl.dk' });
  });

  it('refuses other schemes by name, and what is not an address', () => {
    expect(readLinkInput('javascript:alert(1)')).toEqual({ problem: expect.stringContaining('"javascript:" er ikke tilladt') });
    expect(readLinkInput('file:///etc/passwd')).toEqual({ problem: expect.stringContaining('"file:"') });
    expect(readLinkInput('data:text/html,x')).toEqual({ problem: expect.stringContaining('Kun http, https og mailto') });
    expect(readLinkInput('referat.pdf')).toEqual({ problem: expect.stringContaining('ikke en gyldig adresse') });
    expect(readLinkInput('  ')).toEqual({ problem: 'Skriv en adresse.' });
  });
});
