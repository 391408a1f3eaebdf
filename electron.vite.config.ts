import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { onwarn } from './renderer/vite.config';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        onwarn,
        input: {
          index: fileURLToPath(new URL('./electron/main/index.ts', import.meta.url)),
          // The core, run by the main process in an Electron utility process (electron/main/core-process.ts).
          core: fileURLToPath(new URL('./electron/core/host/utility-entry.ts', import.meta.url)),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: { onwarn, input: { index: fileURLToPath(new URL('./electron/preload/index.ts', import.meta.url)) }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { onwarn, input: { index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)) } },
    },
  },
});
