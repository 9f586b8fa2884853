/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In production the API serves dist/ itself (same origin); in dev Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  // `@/lib/api-client` instead of `../../../lib/api-client` (tsconfig.json has the same paths).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  // The unit tier (`vitest run`): logic in a DOM (jsdom) against real HTTP servers on loopback
  // and an in-memory IndexedDB; the browser suite (e2e/, real chromium) covers the screens.
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
  },
  server: {
    port: 5173,
    proxy: {
      // The API's PORT (npm run dev passes it to both processes).
      '/api': {
        target: `http://localhost:${process.env.PORT ?? 3000}`,
        changeOrigin: false,
        ws: true,
      },
    },
  },
});
