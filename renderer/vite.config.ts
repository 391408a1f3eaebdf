import { defineConfig, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Rollup warnings known to be harmless, and only those: zod's sources carry explanatory comments
 * next to its @__PURE__ annotations, which Rollup reports (INVALID_ANNOTATION) and then drops;
 * the output is the same either way. Every other warning, and every error, goes through.
 */
export function onwarn(warning: Rollup.RollupLog, warn: (w: Rollup.RollupLog) => void): void {
  const inZod = /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '');
  if (warning.code === 'INVALID_ANNOTATION' && inZod) return;
  warn(warning);
}

/** The renderer alone (what the web host serves); electron.vite.config.ts builds it the same way. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  // The PostCSS config (postcss-preset-mantine) sits at the repo root, above this Vite root.
  css: { postcss: fileURLToPath(new URL('..', import.meta.url)) },
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { onwarn },
  },
});
