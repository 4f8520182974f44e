import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';

/** Vite names every built asset by its content's hash: a changed file is a new name. */
const HASHED = 'public, max-age=31536000, immutable';
/** index.html names this deployment's assets, so it is checked again on every load. */
const REVALIDATE = 'no-cache';

/**
 * The built tab (`dist/tab`): compressed (brotli or gzip, as the browser asks), hashed assets
 * cached for a year as immutable, and `index.html` — also the answer for every page route of
 * the single-page app — revalidated each time, so a deploy is seen at the next load.
 */
export function tabFiles(dir: string): Router {
  const router = Router();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text').send('The tab is not built yet: run `npm run build:tab`.');
    });
    return router;
  }
  router.use(compression());
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, path) =>
        res.setHeader('Cache-Control', path.startsWith(join(dir, 'assets')) ? HASHED : REVALIDATE),
    }),
  );
  // An asset this deployment does not have (an old page after a deploy) is not the app's page.
  router.use('/assets', (_req, res) => {
    res.status(404).type('text').send('No such file in this version of the tab.');
  });
  router.get(/^\/(?!api\/|local\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  });
  return router;
}
