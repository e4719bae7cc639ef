/** The only URL schemes a link may use. */
export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * True when `href` is an absolute http, https or mailto URL with no whitespace or control
 * characters. Everything else (javascript:, data:, file:, relative paths) is refused.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(href)) return false;
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'mailto') return href.length > 'mailto:'.length;
  return (scheme === 'http' || scheme === 'https') && /^https?:\/\/[^/?#]+/i.test(href);
}
