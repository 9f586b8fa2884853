/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// In production the API serves dist/ itself (same origin); in dev Vite proxies /api to it.
export default defineConfig({
  plugins: [
    react(),
    // The service worker (src/sw.js: the offline app shell and Web Push) is built to
    // dist/sw.js with the list of files to precache put in (Workbox's injectManifest): every
    // file of the build, so each lazy screen and the barcode reader's wasm open offline.
    // The SPA registers it itself (lib/service-worker.ts); no web app manifest.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.js',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,svg,png,ico,woff2,wasm}'],
        // The barcode reader's wasm is about 1 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        minify: true,
      },
    }),
  ],
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
