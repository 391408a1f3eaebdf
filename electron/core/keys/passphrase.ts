import { randomInt } from 'node:crypto';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as frenchAll } from '@scure/bip39/wordlists/french.js';
import type { Lang } from '@shared/schemas/common';

/**
 * The BIP-39 French list without its accented words (1,682 of 2,048 remain): an accent typed on
 * another keyboard, or composed differently (é as one code point or e + combining accent), would
 * be a different passphrase, and this one is typed years later on whatever machine is at hand.
 */
const french = frenchAll.filter((w) => /^[a-z]+$/.test(w));

const LISTS: Record<Lang, readonly string[]> = { en: english, fr: french };

/**
 * Eight words from a BIP-39 list in the user's language: 88 bits in English (2,048 words), 85.7 in
 * French (1,682 words), easy to write down and to read over the phone, hard to guess through a
 * 128 MiB scrypt.
 */
export function suggestPassphrase(words = 8, lang: Lang = 'en'): string {
  const list = LISTS[lang];
  return Array.from({ length: words }, () => list[randomInt(list.length)]).join('-');
}
