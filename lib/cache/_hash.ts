/**
 * cyrb53 (bryc, public domain): a 53-bit string hash in a dozen lines. It names entry files and
 * fingerprints racy file contents. Not cryptographic, and it need not be: entries live in a
 * directory only this user can write, an entry's full key is checked on read (so a collision is a
 * miss), and loading node:crypto would cost every hook ~0.3 ms for no gain.
 */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
