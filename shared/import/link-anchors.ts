import { isSafeHref } from '../schema/link-policy';
import type { ImportBlock, TextPlace } from './import-blocks';
import { linkablePlaces } from './import-blocks';
import type { ImportWarning } from './import-result';

/**
 * Link texts that a bare URL at a page end belongs to, most specific first. Each pattern's
 * group 1 (or the whole match) is the text that gets the link.
 */
const ANCHOR_PATTERNS: readonly RegExp[] = [
  // "Link til officiel beretning for 2022: Årsberetning 2023 - Central Denmark EU Office"
  /\bLinks? til [^:]{1,120}:\s*(\S(?:.*\S)?)\s*$/du,
  // "… kan læses her", "… kan findes her"
  /(?:\bkan\s+)?(?:læses|ses|findes|hentes|tilgås|downloades)\s+her\b/diu,
  // "læs mere her", "se her", "klik her"
  /\b(?:læs|se|klik)\s+(?:mere\s+)?her\b/diu,
];

function findAnchor(place: TextPlace): { from: number; to: number } | null {
  for (const pattern of ANCHOR_PATTERNS) {
    const match = pattern.exec(place.text);
    if (!match?.indices) continue;
    const [from, to] = match.indices[1] ?? match.indices[0]!;
    if (place.links.some((link) => link.from < to && from < link.to)) continue;
    return { from, to };
  }
  return null;
}

/**
 * Attaches each bare link address (a line that was only a URL, which the text layer puts at
 * the end of the page where the link was) to the link text it belongs to on that page: the
 * nearest earlier text on the same page that reads like a link ("kan læses her", "Link til
 * …: <titel>"). A repeat of an address already attached on that page is the same link
 * continuing over a line break, and is absorbed. An address that finds no link text stays
 * where it was, as a paragraph whose text is the address, linked, with a warning.
 *
 * `bodies` are the item bodies in document order; url blocks are replaced in place.
 */
export function attachBareUrls(bodies: ImportBlock[][], warnings: ImportWarning[]): { links: number } {
  const seen: TextPlace[] = [];
  const attachedOnPage = new Map<number, Set<string>>();
  let links = 0;
  for (const body of bodies) {
    for (let index = 0; index < body.length; index++) {
      const block = body[index]!;
      if (block.kind !== 'url') {
        seen.push(...linkablePlaces(block));
        continue;
      }
      const onPage = attachedOnPage.get(block.page) ?? new Set<string>();
      attachedOnPage.set(block.page, onPage);
      if (onPage.has(block.href)) {
        body.splice(index--, 1);
        continue;
      }
      let attached = false;
      if (isSafeHref(block.href)) {
        for (let k = seen.length - 1; k >= 0 && !attached; k--) {
          const place = seen[k]!;
          if (place.firstPage > block.page || place.lastPage < block.page) continue;
          const anchor = findAnchor(place);
          if (!anchor) continue;
          place.links.push({ ...anchor, href: block.href });
          place.links.sort((a, b) => a.from - b.from);
          attached = true;
        }
      }
      if (attached) {
        onPage.add(block.href);
        links++;
        body.splice(index--, 1);
        continue;
      }
      const safe = isSafeHref(block.href);
      const place: TextPlace = {
        text: block.href,
        links: safe ? [{ from: 0, to: block.href.length, href: block.href }] : [],
        line: block.line,
        firstPage: block.page,
        lastPage: block.page,
      };
      body[index] = { kind: 'paragraph', place };
      seen.push(place);
      if (safe) {
        onPage.add(block.href);
        links++;
      }
      warnings.push({
        line: block.line,
        message: safe
          ? `Linkadressen ${block.href} kunne ikke knyttes til en linktekst på siden; den står som et afsnit med linket`
          : `Linkadressen ${block.href.slice(0, 80)} er ikke tilladt som link (kun http, https og mailto); den står som almindelig tekst`,
      });
    }
  }
  return { links };
}
