import { isSafeHref } from '../schema/link-policy';

/** A link address typed by a person, checked: the href to use, or the problem in Danish. */
export type LinkInput = { href: string } | { problem: string };

/**
 * Reads a link address from the link form. "www.kl.dk" becomes "https://www.kl.dk" and an
 * e-mail address becomes a mailto: link; anything but http, https and mailto is refused.
 */
export function readLinkInput(text: string): LinkInput {
  const value = text.trim();
  if (value === '') return { problem: 'Skriv en adresse.' };
  let href = value;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(value)) href = `mailto:${value}`;
  else if (/^www\./i.test(value)) href = `https://${value}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') {
    return { problem: `Links til "${scheme}:" er ikke tilladt. Kun http, https og mailto kan bruges.` };
  }
  if (!isSafeHref(href)) return { problem: 'Det er ikke en gyldig adresse. Skriv en hel adresse, der begynder med https://, http:// eller mailto:.' };
  return { href };
}
