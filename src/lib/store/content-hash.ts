// SHA-256 from @noble/hashes, because the journal needs it synchronously: an IndexedDB
// transaction, the upgrade's included, commits by itself while a WebCrypto digest is awaited.
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The SHA-256 of a string's UTF-16 code units (two bytes each, little-endian), as 43 base64url
 * characters. UTF-16 rather than UTF-8 because encoding to UTF-8 turns every lone surrogate into
 * U+FFFD, which would give different strings one input.
 */
export function contentHash(text: string): string {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i] = code & 0xff;
    bytes[2 * i + 1] = code >>> 8;
  }
  let binary = '';
  for (const byte of sha256(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
