// Vite compiles TSX itself (tsconfig "jsx": "react-jsx"), so no React plugin is needed.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist',
    // Never inline assets as data: URLs other than images; the server's CSP only allows data: for img-src.
    assetsInlineLimit: 0,
    sourcemap: false,
    // React, react-router and the NL Design System components in one bundle (~160 kB gzipped).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for React Server Components; irrelevant here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
    },
  },
});
