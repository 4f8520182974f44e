import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

/**
 * How the built tab is served: compressed when the browser asks, hashed assets cached for good,
 * the page itself revalidated. Over raw HTTP (node:http), so the encoding is what the server sent,
 * not what a client library undid.
 */
const TAB = resolve(import.meta.dirname, '..', '..', 'dist', 'tab');
let server: TestServer;

beforeAll(async () => {
  if (!existsSync(join(TAB, 'index.html')))
    throw new Error('The tab is not built: run `npm run build:tab` before these tests.');
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

function get(path: string, encoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: number }>(
    (done, fail) => {
      const url = new URL(path, server.url);
      const req = request(
        url,
        { headers: encoding ? { 'accept-encoding': encoding } : {} },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
        },
      );
      req.on('error', fail);
      req.end();
    },
  );
}

/** The entry script index.html loads first. */
const entryScript = () => {
  const html = readFileSync(join(TAB, 'index.html'), 'utf8');
  const src = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html names no script');
  return src;
};

describe('the built tab', () => {
  test('hashed scripts come compressed as asked, cached for a year as immutable', async () => {
    const path = entryScript();
    const plain = await get(path);
    const br = await get(path, 'br, gzip');
    const gzip = await get(path, 'gzip');

    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.bytes).toBeLessThan(plain.bytes / 2);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 2);
    for (const res of [plain, br, gzip]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    }
  });

  test('the page, at / and at any page route, is revalidated on every load', async () => {
    for (const path of ['/', '/index.html', '/compact']) {
      const res = await get(path, 'gzip');
      expect(res.status, path).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  test('a script this version does not have is a 404, not the page', async () => {
    const res = await get('/assets/index-0ld0ld0l.js');
    expect(res.status).toBe(404);
    expect(String(res.headers['content-type'])).toMatch(/^text\/plain/);
  });
});
