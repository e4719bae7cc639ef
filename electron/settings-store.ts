import { copyFile, readFile } from 'node:fs/promises';
import type { DesktopSettings, SaveSettingsResult, SyncConnection } from '../shared/protocol/ipc-contract';
import { DEFAULT_SETTINGS, serverEndpoints, validateSettingsUpdate } from './settings-validation';
import { writeFileAtomic } from './atomic-write';
import type { LogLine } from './main-log';
import type { TokenVault } from './token-vault';

/** The settings file's format version. */
export const SETTINGS_FILE_VERSION = 1;

/** The settings as kept in memory and in the settings file (the token only encrypted, base64). */
interface StoredSettings {
  serverUrl: string | null;
  userName: string;
  initials: string;
  color: string;
  /** The token encrypted by the OS (TokenVault), base64; absent when none is stored. */
  encryptedToken?: string;
}

/**
 * The desktop settings in a JSON file in the user's data folder. The access token is
 * written only as bytes the operating system encrypted; where it cannot encrypt, a token is
 * refused rather than written in plain text. A corrupt file never stops the app: the
 * defaults are used, the file is kept aside as `<file>.beskadiget`, and a log line says so.
 * A token belongs to its server: changing the server address without giving a new token
 * forgets the old one, so it is never sent to a server it was not issued by.
 */
export class SettingsStore {
  private stored: StoredSettings = { ...DEFAULT_SETTINGS };
  private readonly listeners = new Set<() => void>();

  /**
   * `serverOverride` (development: `npm start` passes its local server in
   * DAGSORDEN_SERVER_URL) replaces the configured server for syncing without being saved; the
   * stored token is then used only if it was stored for that same server.
   */
  constructor(
    private readonly file: string,
    private readonly vault: TokenVault,
    private readonly log: LogLine,
    private readonly serverOverride: string | null = null,
    /** The token for `serverOverride` (development: DAGSORDEN_SYNC_TOKEN from `npm start`), never saved. */
    private readonly tokenOverride: string | null = null,
  ) {}

  /** Reads the settings file (a missing file means defaults). Never throws. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log(`kunne ikke læse indstillingsfilen ${this.file} (${(error as Error).message}); bruger standardindstillinger`);
      }
      this.stored = { ...DEFAULT_SETTINGS };
      return;
    }
    const parsed = parseStoredSettings(text);
    if (typeof parsed === 'string') {
      this.log(`indstillingsfilen ${this.file} er beskadiget (${parsed}); bruger standardindstillinger og gemmer den gamle fil som ${this.file}.beskadiget`);
      await copyFile(this.file, `${this.file}.beskadiget`).catch((error: Error) => this.log(`kunne ikke gemme den beskadigede indstillingsfil til side: ${error.message}`));
      this.stored = { ...DEFAULT_SETTINGS };
      return;
    }
    this.stored = parsed;
  }

  /** The server the app syncs with (for the Content-Security-Policy), or null. */
  serverUrl(): string | null {
    return this.serverOverride ?? this.stored.serverUrl;
  }

  /** The settings as the settings form shows them: everything but the token itself. */
  async view(): Promise<DesktopSettings> {
    const { encryptedToken, ...visible } = this.stored;
    return { ...visible, hasToken: encryptedToken !== undefined, tokenStorageAvailable: (await this.vault.unavailableReason()) === null };
  }

  /** What sync needs: the server's URLs and the decrypted token ("" when none or unreadable); null without a server. */
  async syncConnection(): Promise<SyncConnection | null> {
    const serverUrl = this.serverUrl();
    if (!serverUrl) return null;
    const encryptedToken = serverUrl === this.stored.serverUrl ? this.stored.encryptedToken : undefined;
    const { websocketUrl, httpUrl } = serverEndpoints(serverUrl);
    if (this.serverOverride && this.tokenOverride && serverUrl === this.serverOverride) return { url: websocketUrl, httpUrl, token: this.tokenOverride };
    let token = '';
    if (encryptedToken !== undefined) {
      try {
        token = await this.vault.decrypt(Buffer.from(encryptedToken, 'base64'));
      } catch (error) {
        this.log(`den gemte adgangsnøgle kan ikke dekrypteres (${(error as Error).message}); forbinder uden`);
      }
    }
    return { url: websocketUrl, httpUrl, token };
  }

  /** Validates and stores an untrusted update. Nothing is stored when any field is wrong. */
  async save(value: unknown): Promise<SaveSettingsResult> {
    const validation = validateSettingsUpdate(value);
    if (!validation.ok) return validation;
    const { token, ...fields } = validation.update;
    let encryptedToken = fields.serverUrl === this.stored.serverUrl ? this.stored.encryptedToken : undefined;
    if (token === null) encryptedToken = undefined;
    if (typeof token === 'string') {
      const reason = await this.vault.unavailableReason();
      if (reason) return { ok: false, errors: { token: `Adgangsnøglen er ikke gemt: ${reason} Den gemmes aldrig ukrypteret.` } };
      encryptedToken = Buffer.from(await this.vault.encrypt(token)).toString('base64');
    }
    const next: StoredSettings = { ...fields, ...(encryptedToken === undefined ? {} : { encryptedToken }) };
    await writeFileAtomic(this.file, `${JSON.stringify({ version: SETTINGS_FILE_VERSION, ...next }, null, 2)}\n`, 0o600);
    this.stored = next;
    for (const listener of this.listeners) listener();
    return { ok: true, settings: await this.view() };
  }

  /** Calls `listener` after each successful save. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The stored settings in a settings file's text, or why it is not a valid one. */
function parseStoredSettings(text: string): StoredSettings | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `ikke gyldig JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'ikke et JSON-objekt';
  const { version, encryptedToken, ...fields } = value as Record<string, unknown>;
  if (version !== SETTINGS_FILE_VERSION) return `ukendt version ${JSON.stringify(version)}`;
  if ('token' in fields) return 'filen indeholder en ukrypteret adgangsnøgle, som ikke bruges';
  const validation = validateSettingsUpdate(fields);
  if (!validation.ok) return Object.values(validation.errors).join(' ');
  if (encryptedToken !== undefined && (typeof encryptedToken !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encryptedToken))) {
    return 'den krypterede adgangsnøgle er ikke base64';
  }
  const { token: _ignored, ...settings } = validation.update;
  return { ...settings, ...(encryptedToken === undefined ? {} : { encryptedToken: encryptedToken as string }) };
}
