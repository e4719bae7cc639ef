import type { BrowserWindow } from 'electron';

/** Schemes the system browser or mail program may be asked to open. */
export const EXTERNAL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
/** Longer links are refused (a link in an agenda is never this long; a smuggled payload may be). */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The normalised form of a link that may be opened outside the app (http or https with a
 * host, or mailto), or null for anything else: file:, javascript:, custom schemes, and
 * links with user name or password (`https://kl.dk@evil.example` hides where it goes).
 */
export function externalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && (!url.hostname || url.username || url.password)) return null;
  return url.href;
}

/** What opening an external link needs from Electron (dialog.showMessageBox, shell.openExternal). */
export interface ExternalLinkDeps {
  /** Asks the user; true when they chose to open `url`. */
  confirm(window: BrowserWindow | null, url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/**
 * Opens an allowed link after the user confirmed it, showing the exact address that will be
 * opened. Resolves true when opened, false when declined; throws for a link that is not allowed.
 */
export async function openExternalConfirmed(value: unknown, window: BrowserWindow | null, deps: ExternalLinkDeps): Promise<boolean> {
  const url = externalUrl(value);
  if (!url) throw new Error('Kun http-, https- og mailto-links kan åbnes uden for Dagsorden');
  if (!(await deps.confirm(window, url))) return false;
  await deps.open(url);
  return true;
}

/** The confirmation dialog's options (Danish; "Annullér" is the default and the Escape answer). */
export function confirmExternalDialog(url: string) {
  const mail = url.startsWith('mailto:');
  return {
    type: 'question' as const,
    title: mail ? 'Skriv e-mail' : 'Åbn link',
    message: mail ? 'Vil du skrive en e-mail i dit e-mailprogram?' : 'Vil du åbne dette link i din browser?',
    detail: url,
    buttons: [mail ? 'Skriv e-mail' : 'Åbn i browser', 'Annullér'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
