import { randomInt } from 'node:crypto';
import { wordlist } from '@scure/bip39/wordlists/english.js';

/**
 * Eight words from the BIP-39 list (2048 words): 88 bits, easy to write down and to read over
 * the phone, hard to guess through a 128 MiB scrypt.
 */
export function suggestPassphrase(words = 8): string {
  return Array.from({ length: words }, () => wordlist[randomInt(wordlist.length)]).join('-');
}
