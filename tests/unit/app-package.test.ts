import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng, renderOutlineIcon } from '../../scripts/make-icons';
import {
  AppPackageError,
  LOCAL_DEFAULTS,
  MissingVariablesError,
  ROOT_DIR,
  checkIcons,
  decodePng,
  fillPlaceholders,
  listPlaceholders,
  packageApp,
  readPngHeader,
  validateManifest,
} from '../../scripts/package-app';

// The parts of the Teams manifest these tests read.
interface Manifest {
  id: string;
  name: { short: string };
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[];
  bots: { botId: string; scopes: string[] }[];
  composeExtensions: {
    botId: string;
    commands: { id: string; type: string; context: string[]; fetchTask: boolean }[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

const APP_PACKAGE_DIR = path.join(ROOT_DIR, 'appPackage');
const template = await readFile(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const colorPng = await readFile(path.join(APP_PACKAGE_DIR, 'color.png'));
const outlinePng = await readFile(path.join(APP_PACKAGE_DIR, 'outline.png'));

/** Values shaped like a provisioned cloud environment. */
const cloud = {
  TEAMS_APP_ID: '2f1e6c4a-8b1d-4c2e-9f3a-5d6e7f809a1b',
  BOT_ID: '7c9d2e1f-3a4b-4c5d-8e6f-0a1b2c3d4e5f',
  AAD_APP_CLIENT_ID: 'b3c4d5e6-f708-4192-a3b4-c5d6e7f8091a',
  TAB_ENDPOINT: 'https://mutual-dev-x7k2.azurewebsites.net',
  TAB_DOMAIN: 'mutual-dev-x7k2.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

function filled(values: Record<string, string | undefined>): Manifest {
  return JSON.parse(fillPlaceholders(template, values, { json: true })) as Manifest;
}

function without(values: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !names.includes(name)));
}

async function zipEntry(zip: JSZip, name: string): Promise<Buffer> {
  const entry = zip.file(name);
  if (entry === null) throw new Error(`${name} is not in the zip`);
  return Buffer.from(await entry.async('uint8array'));
}

function envFile(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A throwaway copy of appPackage/ (and optionally env/.env.<env>) to package from. */
async function project(env?: { name: string; content: string }): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mutual-app-package-'));
  tempDirs.push(root);
  await mkdir(path.join(root, 'appPackage'));
  for (const file of ['manifest.json', 'color.png', 'outline.png']) {
    await copyFile(path.join(APP_PACKAGE_DIR, file), path.join(root, 'appPackage', file));
  }
  if (env !== undefined) {
    await mkdir(path.join(root, 'env'));
    await writeFile(path.join(root, 'env', `.env.${env.name}`), env.content);
  }
  return root;
}

async function rejection(promise: Promise<unknown>): Promise<AppPackageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  return error as AppPackageError;
}

describe('the manifest template', () => {
  it('uses only the documented placeholders', () => {
    expect(listPlaceholders(template).sort()).toEqual([
      'AAD_APP_CLIENT_ID',
      'APP_NAME_SUFFIX',
      'BOT_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'TEAMS_APP_ID',
    ]);
  });

  it('is schema-valid once filled for a cloud environment', async () => {
    expect(await validateManifest(filled(cloud))).toEqual([]);
  });

  it('is schema-valid once filled with the local defaults', async () => {
    expect(await validateManifest(filled(LOCAL_DEFAULTS))).toEqual([]);
  });

  it('reports a value the schema rejects with the field that holds it', async () => {
    const problems = await validateManifest(filled({ ...cloud, BOT_ID: 'not-a-guid' }));
    expect(problems.some((problem) => problem.includes('/bots/0/botId'))).toBe(true);
    expect(problems.some((problem) => problem.includes('/composeExtensions/0/botId'))).toBe(true);
  });

  it('offers "Ask for help" as a message action that fetches its task module', () => {
    const manifest = filled(cloud);
    const extension = manifest.composeExtensions[0];
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(extension?.botId).toBe(cloud.BOT_ID);
    expect(extension?.commands).toEqual([
      expect.objectContaining({
        id: 'askForHelp',
        type: 'action',
        context: ['message'],
        fetchTask: true,
      }),
    ]);
  });

  it('points the team tab, the personal tab, the bot and SSO at the environment', () => {
    const manifest = filled(cloud);
    expect(manifest.id).toBe(cloud.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Mutual-dev');
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `${cloud.TAB_ENDPOINT}/#/config`,
        scopes: ['team'],
        context: ['channelTab'],
      }),
    ]);
    expect(manifest.staticTabs.find((tab) => tab.entityId === 'me')).toMatchObject({
      contentUrl: `${cloud.TAB_ENDPOINT}/#/me`,
      websiteUrl: `${cloud.TAB_ENDPOINT}/#/me`,
      scopes: ['personal'],
    });
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId: cloud.BOT_ID, scopes: ['team', 'personal'] }),
    ]);
    expect(manifest.validDomains).toEqual([cloud.TAB_DOMAIN]);
    expect(manifest.webApplicationInfo).toEqual({
      id: cloud.AAD_APP_CLIENT_ID,
      resource: `api://${cloud.TAB_DOMAIN}/${cloud.AAD_APP_CLIENT_ID}`,
    });
  });
});

describe('filling placeholders', () => {
  it('reports every missing variable by name', () => {
    const rest = without(cloud, 'BOT_ID', 'TAB_DOMAIN');
    let error: unknown;
    try {
      fillPlaceholders(template, rest, { where: 'env/.env.dev' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingVariablesError);
    expect(error).toMatchObject({ missing: ['BOT_ID', 'TAB_DOMAIN'] });
    expect((error as Error).message).toContain('BOT_ID, TAB_DOMAIN');
    expect((error as Error).message).toContain('env/.env.dev');
  });

  it('treats an empty value as missing, except for the name suffix', () => {
    expect(() => fillPlaceholders(template, { ...cloud, TAB_ENDPOINT: ' ' })).toThrow(
      /TAB_ENDPOINT/,
    );
    expect(filled({ ...cloud, APP_NAME_SUFFIX: '' }).name.short).toBe('Mutual');
  });

  it('escapes values so the manifest stays valid JSON', () => {
    expect(filled({ ...cloud, APP_NAME_SUFFIX: ' "beta"' }).name.short).toBe('Mutual "beta"');
  });
});

describe('the icons', () => {
  it('are 192x192 in colour and 32x32 in outline', () => {
    expect(readPngHeader(colorPng)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outlinePng)).toMatchObject({ width: 32, height: 32 });
  });

  it('have a white outline on a transparent background', () => {
    const outline = decodePng(outlinePng);
    const alphas: number[] = [];
    let visibleNonWhite = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const alpha = outline.pixels[i + 3] ?? 0;
      alphas.push(alpha);
      const rgb = [outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]];
      if (alpha > 0 && rgb.some((channel) => channel !== 255)) visibleNonWhite++;
    }
    expect(outline.hasAlpha).toBe(true);
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(100);
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(50);
    expect(visibleNonWhite).toBe(0);
    expect(checkIcons({ color: colorPng, outline: outlinePng })).toEqual([]);
  });

  it('refuses an outline with coloured pixels or no transparency', () => {
    const coloured = renderOutlineIcon();
    const pixels = Uint8Array.from(coloured.pixels);
    const opaque = Uint8Array.from(coloured.pixels);
    pixels.set([255, 0, 0, 255], (16 * 32 + 16) * 4);
    for (let i = 3; i < opaque.length; i += 4) opaque[i] = 255;
    const withRed = encodePng({ ...coloured, pixels });
    const withoutAlpha = encodePng({ ...coloured, pixels: opaque });
    expect(checkIcons({ color: colorPng, outline: withRed }).join('\n')).toMatch(/white only/);
    expect(checkIcons({ color: colorPng, outline: withoutAlpha }).join('\n')).toMatch(
      /transparent/,
    );
  });

  it('refuses icons of the wrong size', () => {
    const problems = checkIcons({ color: outlinePng, outline: colorPng });
    expect(problems).toContain('color icon is 32x32; Teams needs exactly 192x192');
    expect(problems).toContain('outline icon is 192x192; Teams needs exactly 32x32');
  });
});

describe('packaging an environment', () => {
  it('zips exactly manifest.json, color.png and outline.png with every placeholder filled', async () => {
    const root = await project({ name: 'dev', content: envFile(cloud) });
    const outDir = path.join(root, 'out');
    const result = await packageApp({ env: 'dev', rootDir: root, processEnv: {}, outDir });

    expect(result.zipPath).toBe(path.join(outDir, 'appPackage.dev.zip'));
    const zip = await JSZip.loadAsync(await readFile(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = (await zipEntry(zip, 'manifest.json')).toString('utf8');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(manifest.id).toBe(cloud.TEAMS_APP_ID);
    expect(manifest.webApplicationInfo.id).toBe(cloud.AAD_APP_CLIENT_ID);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(await zipEntry(zip, 'color.png')).toEqual(colorPng);
    expect(await zipEntry(zip, 'outline.png')).toEqual(outlinePng);
    expect(await readFile(path.join(outDir, 'manifest.dev.json'), 'utf8')).toBe(manifestText);
    expect(result.fromEnvironment).toEqual([]);
  });

  it('reports a missing variable by name and writes nothing', async () => {
    const rest = without(cloud, 'BOT_ID');
    const root = await project({ name: 'dev', content: `${envFile(rest)}\nBOT_ID=\n` });
    const outDir = path.join(root, 'out');
    const error = await rejection(
      packageApp({ env: 'dev', rootDir: root, processEnv: {}, outDir }),
    );
    expect(error).toBeInstanceOf(MissingVariablesError);
    expect(error).toMatchObject({ missing: ['BOT_ID'] });
    expect(error.message).toContain('env/.env.dev');
    expect(existsSync(outDir)).toBe(false);
  });

  it('lets the process environment override the env file', async () => {
    const root = await project({ name: 'dev', content: envFile(cloud) });
    const processEnv = {
      TAB_ENDPOINT: 'https://mutual.example.com/',
      TAB_DOMAIN: 'mutual.example.com',
    };
    const result = await packageApp({
      env: 'dev',
      rootDir: root,
      processEnv,
      outDir: path.join(root, 'out'),
    });
    const manifest = result.manifest as unknown as Manifest;
    expect(manifest.validDomains).toEqual(['mutual.example.com']);
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe(
      'https://mutual.example.com/#/config',
    );
    expect(result.fromEnvironment).toEqual(['TAB_ENDPOINT', 'TAB_DOMAIN']);
  });

  it('builds the local env from the local defaults when there is no env file', async () => {
    const root = await project();
    const result = await packageApp({
      rootDir: root,
      processEnv: {},
      outDir: path.join(root, 'out'),
    });
    const manifest = result.manifest as unknown as Manifest;
    expect(result.zipPath.endsWith('appPackage.local.zip')).toBe(true);
    expect(manifest.id).toBe(LOCAL_DEFAULTS.TEAMS_APP_ID);
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe('http://localhost:3978/#/config');
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('refuses an env other than local without its env file', async () => {
    const root = await project();
    const error = await rejection(packageApp({ env: 'prod', rootDir: root, processEnv: {} }));
    expect(error.message).toContain('env/.env.prod');
  });

  it('refuses plain http and a tab domain that is not the endpoint host outside local', async () => {
    const root = await project({
      name: 'dev',
      content: envFile({
        ...cloud,
        TAB_ENDPOINT: 'http://mutual.example.com',
        TAB_DOMAIN: 'other.example.com',
      }),
    });
    const error = await rejection(
      packageApp({ env: 'dev', rootDir: root, processEnv: {}, outDir: path.join(root, 'out') }),
    );
    expect(error.problems.join('\n')).toMatch(/must use https/);
    expect(error.problems.join('\n')).toMatch(/TAB_DOMAIN "other.example.com" is not the host/);
  });

  it('refuses a package whose icon has the wrong size', async () => {
    const root = await project({ name: 'dev', content: envFile(cloud) });
    await copyFile(
      path.join(APP_PACKAGE_DIR, 'outline.png'),
      path.join(root, 'appPackage', 'color.png'),
    );
    const error = await rejection(
      packageApp({ env: 'dev', rootDir: root, processEnv: {}, outDir: path.join(root, 'out') }),
    );
    expect(error.problems).toContain('color icon is 32x32; Teams needs exactly 192x192');
  });
});
