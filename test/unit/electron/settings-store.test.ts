import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SettingsStore } from '../../../electron/settings-store';
import { safeStorageVault, type TokenVault } from '../../../electron/token-vault';
import { validateSettingsUpdate } from '../../../electron/settings-validation';

const TOKEN = 'hemmelig-adgangsnoegle-1234567890';

/** A stand-in for the OS keystore: "encrypts" by XOR with a key and a prefix, as safeStorage's bytes look nothing like the text. */
function fakeVault(available = true): TokenVault & { encrypt: ReturnType<typeof vi.fn> } {
  const key = 0x5a;
  return {
    unavailableReason: async () => (available ? null : 'Styresystemets krypterede lager er ikke tilgængeligt.'),
    encrypt: vi.fn(async (text: string) => Uint8Array.from([0x76, 0x31, 0x30, ...Buffer.from(text).map((b) => b ^ key)])),
    decrypt: async (bytes: Uint8Array) => {
      if (bytes[0] !== 0x76) throw new Error('not encrypted by this vault');
      return Buffer.from(bytes.slice(3).map((b) => b ^ key)).toString();
    },
  };
}

const profile = { serverUrl: 'https://dagsorden.kl.dk', userName: 'Anne Holm', initials: 'AH', color: '#1F6FB2' };

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dagsorden-settings-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts with local-only defaults when there is no file', async () => {
    const log = vi.fn();
    const store = new SettingsStore(file, fakeVault(), log);
    await store.load();
    expect(await store.view()).toEqual({ serverUrl: null, userName: '', initials: '', color: '#1f6fb2', hasToken: false, tokenStorageAvailable: true });
    expect(await store.syncConnection()).toBeNull();
    expect(store.serverUrl()).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('stores the token only encrypted: its text is nowhere in the bytes on disk', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn());
    await store.load();
    const result = await store.save({ ...profile, token: TOKEN });
    expect(result).toEqual({ ok: true, settings: { serverUrl: 'https://dagsorden.kl.dk', userName: 'Anne Holm', initials: 'AH', color: '#1f6fb2', hasToken: true, tokenStorageAvailable: true } });
    const bytes = await readFile(file);
    for (const form of [TOKEN, Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('hex')]) {
      expect(bytes.includes(Buffer.from(form))).toBe(false);
    }
    expect(JSON.parse(bytes.toString()).encryptedToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // No temporary file is left next to it.
    expect(await readdir(dir)).toEqual(['settings.json']);

    const reopened = new SettingsStore(file, fakeVault(), vi.fn());
    await reopened.load();
    expect((await reopened.view()).hasToken).toBe(true);
    expect(await reopened.syncConnection()).toEqual({ url: 'wss://dagsorden.kl.dk', httpUrl: 'https://dagsorden.kl.dk', token: TOKEN });
  });

  it('never shows the token through view(), only through the sync connection', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn());
    await store.save({ ...profile, token: TOKEN });
    expect(JSON.stringify(await store.view())).not.toContain(TOKEN);
  });

  it('refuses to store a token where the OS cannot encrypt it, and says so; nothing is written', async () => {
    const vault = fakeVault(false);
    const store = new SettingsStore(file, vault, vi.fn());
    const result = await store.save({ ...profile, token: TOKEN });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.token).toMatch(/ikke gemt.*aldrig ukrypteret/);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect(vault.encrypt).not.toHaveBeenCalled();
    // Settings without a token can still be saved there.
    expect((await store.save(profile)).ok).toBe(true);
    expect((await store.view()).tokenStorageAvailable).toBe(false);
  });

  it('keeps the token when the server stays, removes it on request, and forgets it when the server changes', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn());
    await store.save({ ...profile, token: TOKEN });
    await store.save({ ...profile, userName: 'Anne H. Holm' });
    expect((await store.syncConnection())!.token).toBe(TOKEN);
    await store.save({ ...profile, serverUrl: 'wss://andet.example.dk' });
    expect(await store.syncConnection()).toEqual({ url: 'wss://andet.example.dk', httpUrl: 'https://andet.example.dk', token: '' });
    expect((await store.view()).hasToken).toBe(false);
    await store.save({ ...profile, token: TOKEN });
    await store.save({ ...profile, token: null });
    expect((await store.view()).hasToken).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8')).encryptedToken).toBeUndefined();
  });

  it('refuses invalid fields with a Danish message each, storing nothing', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn());
    const result = await store.save({ serverUrl: 'ftp://x', userName: 'a'.repeat(81), initials: 'A B', color: 'blå', token: 'with space' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['color', 'initials', 'serverUrl', 'token', 'userName']);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('treats a corrupt file as defaults, logs one clear line, keeps the file aside, and does not crash', async () => {
    for (const content of ['{ not json', '[]', JSON.stringify({ version: 99 }), JSON.stringify({ version: 1, ...profile, color: 'red' }), JSON.stringify({ version: 1, ...profile, token: TOKEN })]) {
      await writeFile(file, content);
      const log = vi.fn();
      const store = new SettingsStore(file, fakeVault(), log);
      await store.load();
      expect((await store.view()).serverUrl).toBeNull();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toMatch(/indstillingsfilen .*settings\.json er beskadiget .*standardindstillinger/);
      expect(await readFile(`${file}.beskadiget`, 'utf8')).toBe(content);
    }
  });

  it('connects without a token (and logs why) when the stored one cannot be decrypted', async () => {
    await writeFile(file, JSON.stringify({ version: 1, ...profile, color: '#1f6fb2', encryptedToken: Buffer.from('garbage').toString('base64') }));
    const log = vi.fn();
    const store = new SettingsStore(file, fakeVault(), log);
    await store.load();
    expect(await store.syncConnection()).toEqual({ url: 'wss://dagsorden.kl.dk', httpUrl: 'https://dagsorden.kl.dk', token: '' });
    expect(log.mock.calls[0]![0]).toMatch(/kan ikke dekrypteres/);
  });

  it('lets a development override replace the server, without its token and without saving it', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn(), 'ws://127.0.0.1:4321');
    await store.save({ ...profile, token: TOKEN });
    expect(store.serverUrl()).toBe('ws://127.0.0.1:4321');
    expect(await store.syncConnection()).toEqual({ url: 'ws://127.0.0.1:4321', httpUrl: 'http://127.0.0.1:4321', token: '' });
    expect((await store.view()).serverUrl).toBe('https://dagsorden.kl.dk');
  });

  it('uses the development token for the overriding server only, and never saves it', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn(), 'ws://127.0.0.1:4321', 'dev-token-from-npm-start');
    await store.save({ ...profile, token: TOKEN });
    expect(await store.syncConnection()).toEqual({ url: 'ws://127.0.0.1:4321', httpUrl: 'http://127.0.0.1:4321', token: 'dev-token-from-npm-start' });
    expect(await readFile(file, 'utf8')).not.toContain('dev-token-from-npm-start');
  });

  it('tells listeners after a save', async () => {
    const store = new SettingsStore(file, fakeVault(), vi.fn());
    const listener = vi.fn();
    const stop = store.onChange(listener);
    await store.save(profile);
    stop();
    await store.save(profile);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('settings validation', () => {
  it('normalises the server address and accepts local-only work', () => {
    const check = (serverUrl: unknown) => validateSettingsUpdate({ ...profile, serverUrl });
    expect(check('  https://dagsorden.kl.dk/  ')).toMatchObject({ ok: true, update: { serverUrl: 'https://dagsorden.kl.dk' } });
    expect(check('ws://127.0.0.1:1234')).toMatchObject({ ok: true, update: { serverUrl: 'ws://127.0.0.1:1234' } });
    expect(check('')).toMatchObject({ ok: true, update: { serverUrl: null } });
    expect(check(null)).toMatchObject({ ok: true, update: { serverUrl: null } });
    for (const bad of ['javascript:alert(1)', 'file:///x', 'https://user:pw@kl.dk', 'https://kl.dk/?token=x', 'dagsorden.kl.dk', 5]) {
      expect(check(bad).ok, String(bad)).toBe(false);
    }
  });

  it('refuses unknown fields, so a typo cannot silently drop a setting', () => {
    expect(validateSettingsUpdate({ ...profile, servreUrl: 'x' }).ok).toBe(false);
  });
});

describe('safeStorage vault', () => {
  const safeStorage = (available: boolean, backend: string) =>
    ({
      isAsyncEncryptionAvailable: async () => available,
      getSelectedStorageBackend: () => backend,
      encryptStringAsync: async (text: string) => Buffer.from(`enc:${text}`),
      decryptStringAsync: async (bytes: Buffer) => ({ result: bytes.toString().slice(4), shouldReEncrypt: false }),
    }) as never;

  it('counts Linux\'s hard-coded "basic_text" key as unavailable', async () => {
    expect(await safeStorageVault(safeStorage(true, 'gnome_libsecret'), 'linux').unavailableReason()).toBeNull();
    expect(await safeStorageVault(safeStorage(true, 'basic_text'), 'linux').unavailableReason()).toMatch(/nøglering/);
    expect(await safeStorageVault(safeStorage(false, 'unknown'), 'win32').unavailableReason()).toMatch(/ikke tilgængeligt/);
    expect(await safeStorageVault(safeStorage(true, 'basic_text'), 'darwin').unavailableReason()).toBeNull();
  });

  it('round-trips through safeStorage', async () => {
    const vault = safeStorageVault(safeStorage(true, 'kwallet5'), 'linux');
    expect(await vault.decrypt(await vault.encrypt(TOKEN))).toBe(TOKEN);
  });
});
