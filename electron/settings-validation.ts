import type { SettingsUpdate } from '../shared/protocol/ipc-contract';

/** The desktop settings of a fresh installation: no server (local work only), no user yet. */
export const DEFAULT_SETTINGS = {
  serverUrl: null as string | null,
  userName: '',
  initials: '',
  color: '#1f6fb2',
};

/** Limits of the settings fields. */
export const SETTINGS_LIMITS = { userName: 80, initials: 6, serverUrl: 2048, token: 4096 } as const;

/** A settings update that passed validation, normalised (trimmed, lowercase colour, server URL without trailing slash). */
export type ValidSettingsUpdate = Required<Pick<SettingsUpdate, 'serverUrl' | 'userName' | 'initials' | 'color'>> & Pick<SettingsUpdate, 'token'>;

/** The outcome of validateSettingsUpdate: the normalised update, or a Danish message per wrong field. */
export type SettingsValidation =
  | { ok: true; update: ValidSettingsUpdate }
  | { ok: false; errors: Partial<Record<keyof SettingsUpdate, string>> };

/**
 * Checks an untrusted settings update field by field; saveSettings returns these messages
 * to the settings form. Unknown fields are an error too, so a typo cannot silently drop a setting.
 */
export function validateSettingsUpdate(value: unknown): SettingsValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: { serverUrl: 'Indstillingerne mangler.' } };
  }
  const record = value as Record<string, unknown>;
  const errors: Partial<Record<keyof SettingsUpdate, string>> = {};
  const known = new Set(['serverUrl', 'userName', 'initials', 'color', 'token']);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) errors.serverUrl = `Ukendte indstillinger: ${unknown.join(', ')}.`;

  const serverUrl = normaliseServerUrl(record.serverUrl);
  if (typeof serverUrl === 'object' && serverUrl !== null) errors.serverUrl = serverUrl.error;

  const userName = typeof record.userName === 'string' ? record.userName.trim() : null;
  if (userName === null) errors.userName = 'Navnet mangler.';
  else if (userName.length > SETTINGS_LIMITS.userName) errors.userName = `Navnet må højst være ${SETTINGS_LIMITS.userName} tegn.`;
  else if (/\p{Cc}/u.test(userName)) errors.userName = 'Navnet må ikke indeholde styretegn.';

  const initials = typeof record.initials === 'string' ? record.initials.trim() : null;
  if (initials === null) errors.initials = 'Initialerne mangler.';
  else if (!/^[\p{L}\p{N}]{0,6}$/u.test(initials)) errors.initials = `Initialer er højst ${SETTINGS_LIMITS.initials} bogstaver eller tal.`;

  const color = typeof record.color === 'string' ? record.color.trim().toLowerCase() : null;
  if (color === null || !/^#[0-9a-f]{6}$/.test(color)) errors.color = 'Farven skal skrives som #rrggbb, fx #1f6fb2.';

  const token = record.token;
  if (token !== undefined && token !== null) {
    if (typeof token !== 'string' || token.length === 0) errors.token = 'Adgangsnøglen er tom.';
    else if (token.length > SETTINGS_LIMITS.token) errors.token = `Adgangsnøglen må højst være ${SETTINGS_LIMITS.token} tegn.`;
    else if (/[\s\p{Cc}]/u.test(token)) errors.token = 'Adgangsnøglen må ikke indeholde mellemrum eller styretegn.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    update: {
      serverUrl: serverUrl as string | null,
      userName: userName!,
      initials: initials!,
      color: color!,
      ...(token === undefined ? {} : { token: token as string | null }),
    },
  };
}

/**
 * A server address as stored: a ws, wss, http or https URL with a host, without user
 * name, password, query or fragment, and without a trailing slash; null for "" or null.
 */
export function normaliseServerUrl(value: unknown): string | null | { error: string } {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') return { error: 'Serveradressen skal være tekst.' };
  const text = value.trim();
  if (text === '') return null;
  if (text.length > SETTINGS_LIMITS.serverUrl) return { error: 'Serveradressen er for lang.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text}" er ikke en gyldig adresse (fx wss://dagsorden.kl.dk).` };
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    return { error: 'Serveradressen skal begynde med wss://, ws://, https:// eller http://.' };
  }
  if (!url.hostname) return { error: 'Serveradressen mangler et værtsnavn.' };
  if (url.username || url.password) return { error: 'Serveradressen må ikke indeholde brugernavn eller adgangskode (brug adgangsnøglen).' };
  if (url.search || url.hash) return { error: 'Serveradressen må ikke indeholde ? eller #.' };
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The websocket and HTTP URLs of a stored server address (ws↔http, wss↔https). */
export function serverEndpoints(serverUrl: string): { websocketUrl: string; httpUrl: string } {
  const url = new URL(serverUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  const rest = `//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return { websocketUrl: `${secure ? 'wss:' : 'ws:'}${rest}`, httpUrl: `${secure ? 'https:' : 'http:'}${rest}` };
}
