import type { SafeStorage } from 'electron';

/** Encrypts the access token with a key the operating system keeps (Keychain, DPAPI, libsecret/kwallet). */
export interface TokenVault {
  /** Null when encryption is available; otherwise why not, in Danish. */
  unavailableReason(): Promise<string | null>;
  encrypt(plainText: string): Promise<Uint8Array>;
  /** Throws when the bytes cannot be decrypted (another user, a reset keyring). */
  decrypt(encrypted: Uint8Array): Promise<string>;
}

/**
 * The vault over Electron's safeStorage. On Linux without a keyring safeStorage falls back
 * to "basic_text", a key hard-coded in Chromium: that is obfuscation, not encryption, so it
 * counts as unavailable and the token is not stored.
 */
export function safeStorageVault(safeStorage: SafeStorage, platform: NodeJS.Platform): TokenVault {
  return {
    async unavailableReason() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        return 'Styresystemets krypterede lager er ikke tilgængeligt.';
      }
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'Der er ingen nøglering (GNOME Keyring eller KWallet) på denne computer.';
      }
      return null;
    },
    encrypt: async (plainText) => new Uint8Array(await safeStorage.encryptStringAsync(plainText)),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(Buffer.from(encrypted))).result,
  };
}
