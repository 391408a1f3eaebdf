import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/keychain/**/*.test.ts', 'test/sync/**/*.test.ts'],
    environment: 'node',
    // Native modules (SQLCipher, keytar) and scrypt are heavy: forks keep them isolated per file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
