import { createHash, randomBytes } from 'node:crypto';

/** A new random access token: 32 random bytes, base64url (43 characters). */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token. Tokens are 256 random bits, so a plain SHA-256 is enough (no
 * slow password hash needed): the hash cannot be turned back into a usable token.
 */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
