import type { DesktopSettings, SettingsUpdate } from '../../../shared/protocol/ipc-contract';
import { desktopApi } from '../sync/desktop-api';
import { browserToken, saveBrowserToken } from '../sync/sync-target';
import { loadProfile, saveProfile, type UserProfile } from './user-profile';

/** What the settings form edits. */
export interface EditableSettings {
  profile: UserProfile | null;
  /** The desktop app's server address; undefined in a browser (it syncs with the server that served it). */
  serverUrl?: string | null;
  /** Whether a token is stored (desktop; the token itself never comes back to the page). */
  hasToken: boolean;
  /** The token as remembered in the browser; undefined in the desktop app. */
  browserToken?: string;
}

/** Reads the settings: from the desktop app's main process, or from this browser. */
export async function loadSettings(): Promise<EditableSettings> {
  const api = desktopApi();
  if (api) {
    const settings = await api.getSettings();
    return { profile: profileFrom(settings), serverUrl: settings.serverUrl, hasToken: settings.hasToken };
  }
  const token = browserToken();
  return { profile: loadProfile(), hasToken: token !== '', browserToken: token };
}

/** The result of saving: the saved profile, or messages per field. */
export type SaveOutcome = { ok: true; profile: UserProfile } | { ok: false; errors: Record<string, string> };

/**
 * Saves the settings. In the desktop app main validates and stores them (the token encrypted
 * with the OS key store); `token` undefined keeps the stored one. In a browser the profile and
 * token are remembered in this browser.
 */
export async function saveSettings(profile: UserProfile, serverUrl: string | null | undefined, token: string | undefined): Promise<SaveOutcome> {
  const api = desktopApi();
  if (api) {
    const update: SettingsUpdate = { serverUrl: serverUrl ?? null, userName: profile.name, initials: profile.initials, color: profile.color };
    if (token !== undefined) update.token = token === '' ? null : token;
    const result = await api.saveSettings(update);
    if (!result.ok) return { ok: false, errors: result.errors as Record<string, string> };
    return { ok: true, profile: profileFrom(result.settings) ?? profile };
  }
  saveProfile(profile);
  if (token !== undefined) saveBrowserToken(token);
  return { ok: true, profile };
}

function profileFrom(settings: DesktopSettings): UserProfile | null {
  if (!settings.userName || !settings.initials) return null;
  return { name: settings.userName, initials: settings.initials, color: settings.color };
}
