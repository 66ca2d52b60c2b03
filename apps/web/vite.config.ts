import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where the dev and preview servers send /api; another port when several APIs run side by side.
const apiOrigin = process.env.UH_API_ORIGIN ?? 'http://localhost:3000';
const contracts = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@unionhub/contracts': contracts },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': apiOrigin },
  },
  preview: { port: 4173, proxy: { '/api': apiOrigin } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
