import { describe, expect, it } from 'vitest';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';
import { suggestPassphrase } from '../../../electron/core/keys/passphrase';
import { SuggestPassphraseInput } from '@shared/schemas/profile';

describe('suggested recovery passphrase', () => {
  it('eight English BIP-39 words by default', () => {
    const words = suggestPassphrase().split('-');
    expect(words).toHaveLength(8);
    for (const w of words) expect(english).toContain(w);
  });

  it('eight French words for a French user, none with an accent', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const words = suggestPassphrase(8, 'fr').split('-');
      expect(words).toHaveLength(8);
      for (const w of words) {
        expect(french).toContain(w);
        expect(w).toMatch(/^[a-z]+$/);
        seen.add(w);
      }
    }
    // Drawn from the French list, not the English one (the two lists share only a few words).
    expect([...seen].filter((w) => !english.includes(w)).length).toBeGreaterThan(seen.size / 2);
  });

  it('the API input defaults to English and refuses an unknown language', () => {
    expect(SuggestPassphraseInput.parse({})).toEqual({ lang: 'en' });
    expect(SuggestPassphraseInput.safeParse({ lang: 'de' }).success).toBe(false);
  });
});
