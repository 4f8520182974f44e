import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev` / `npm start` listens: `npx vite` serves the tab with hot reload and
 * forwards the API there. */
const server = 'http://localhost:3978';
// Prefixes end in a slash: '/local' alone would also catch the tab's own /local-shell.tsx.
// changeOrigin: the server in local mode answers only requests addressed to itself (its Host
// allow-list), so the proxy speaks to it as localhost:3978, not as Vite's own address.
const to = { target: server, changeOrigin: true };
const proxy = { '/api/': to, '/healthz': to, '/local/': to };

// Libraries in their own long-lived chunks (they change less often than the tab), and pages split
// with React.lazy in shell.tsx, so no single chunk carries the whole tab.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
  { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/, priority: 3 },
  { name: 'adaptivecards', test: /node_modules[\\/]adaptivecards[\\/]/, priority: 3 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 3 },
  { name: 'tanstack-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 3 },
];

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/tab'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/tab'),
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: { proxy },
  preview: { proxy },
});
