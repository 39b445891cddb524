/**
 * Vite config for the viewer. `base: './'` keeps every asset URL relative, so the same build works when served by
 * `newsgraph view`, from any sub-path of a static host, or opened from a folder.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // zod ships comments rollup cannot place; harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  // The viewer shares the palette and the graph-file schema with the CLI (../src).
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
