import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The renderer alone (what the web host serves); electron.vite.config.ts builds it the same way. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  // The PostCSS config (postcss-preset-mantine) sits at the repo root, above this Vite root.
  css: { postcss: fileURLToPath(new URL('..', import.meta.url)) },
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
