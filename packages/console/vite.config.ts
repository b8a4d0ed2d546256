/**
 * Builds the console into `dist/`, which `lockstep serve` serves at `/`. Everything is bundled (no CDN): the
 * console must work on a machine without internet. The examples of the repository are bundled too (`src/examples.ts`).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
