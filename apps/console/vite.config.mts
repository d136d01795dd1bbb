import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Built into `dist/`, served by the gateway at `/`; `npm run dev -w @dutyline/console` proxies the API to a local gateway. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } } },
});
