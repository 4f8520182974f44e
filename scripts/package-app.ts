// Builds the Teams app package: `npm run package [-- --env dev]`.
// Fills the ${{VAR}} placeholders of appPackage/manifest.json from env/.env.<env> (process.env
// wins), validates the result offline against the Teams schema and the icon rules, and writes
// appPackage/build/appPackage.<env>.zip and appPackage/build/manifest.<env>.json: the same
// layout teamsapp's zipAppPackage produces, so either can feed the other's later steps.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';

type Env = Readonly<Record<string, string | undefined>>;

export const ROOT_DIR = path.resolve(import.meta.dirname, '..');
export const DEFAULT_ENV = 'local';

/**
 * Used for the `local` env when neither env/.env.local nor the environment sets a value, so the
 * package builds offline with no tenant. The GUIDs are fixed and obviously fake; the client id
 * is the one local mode mints its tokens for (LOCAL_CLIENT_ID in src/config.ts).
 */
export const LOCAL_DEFAULTS: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a991',
  BOT_ID: '00000000-0000-4000-8000-00000000b071',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-00000000c11e',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost:3978',
  APP_NAME_SUFFIX: '-local',
};

/** Variables whose empty value is meaningful (production has no name suffix). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export const ICON_RULES = {
  color: { size: 192 },
  outline: { size: 32 },
} as const;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Zip entries get a fixed timestamp so the same inputs give the same bytes.
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/** Something is wrong with the inputs; `problems` lists every one found, each saying what to fix. */
export class AppPackageError extends Error {
  readonly problems: readonly string[];
  constructor(summary: string, problems: readonly string[]) {
    super(`${summary}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'AppPackageError';
    this.problems = problems;
  }
}

export class MissingVariablesError extends AppPackageError {
  readonly missing: readonly string[];
  constructor(missing: readonly string[], where: string) {
    super(
      `Missing ${missing.length === 1 ? 'variable' : 'variables'} ${missing.join(', ')}: set ${
        missing.length === 1 ? 'it' : 'them'
      } in ${where} or in the environment.`,
      missing.map((name) => `${name} is not set`),
    );
    this.name = 'MissingVariablesError';
    this.missing = missing;
  }
}

/** The distinct placeholder names in a template, in order of first use. */
export function listPlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

export interface FillOptions {
  /** Escape values for a JSON string literal (every placeholder in the manifest sits in one). */
  readonly json?: boolean;
  /** Named in the error when variables are missing. */
  readonly where?: string;
}

/**
 * Replaces every ${{NAME}} with its value. Throws MissingVariablesError naming every variable
 * that is unset (or empty, unless empty is meaningful for it); never leaves a placeholder behind.
 */
export function fillPlaceholders(template: string, values: Env, options: FillOptions = {}): string {
  const missing = listPlaceholders(template).filter((name) => !isUsable(name, values[name]));
  if (missing.length > 0) throw new MissingVariablesError(missing, options.where ?? 'the env file');
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name] ?? '';
    return options.json === true ? JSON.stringify(value).slice(1, -1) : value;
  });
  if (filled.includes('${{')) {
    throw new AppPackageError('A placeholder could not be read:', [
      'use ${{NAME}} with letters, digits and underscores only',
    ]);
  }
  return filled;
}

function isUsable(name: string, value: string | undefined): value is string {
  return value !== undefined && (value.trim() !== '' || MAY_BE_EMPTY.has(name));
}

/** For each name, the first usable value from the sources (highest priority first). */
export function resolveVariables(
  names: readonly string[],
  sources: readonly Env[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    for (const source of sources) {
      const value = source[name];
      if (isUsable(name, value)) {
        values[name] = value.trim();
        break;
      }
    }
  }
  // `${{TAB_ENDPOINT}}/#/me` must not become `…//#/me`.
  if (values.TAB_ENDPOINT !== undefined)
    values.TAB_ENDPOINT = values.TAB_ENDPOINT.replace(/\/+$/, '');
  return values;
}

/** Checks the variables the schema cannot: endpoint and domain must agree, https outside local. */
export function checkVariables(values: Env, env: string): string[] {
  const problems: string[] = [];
  const endpoint = values.TAB_ENDPOINT;
  const domain = values.TAB_DOMAIN;
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      problems.push(`TAB_ENDPOINT "${endpoint}" is not a URL: use e.g. https://mutual.example.com`);
    }
    if (url !== undefined) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        problems.push(`TAB_ENDPOINT "${endpoint}" must start with https://`);
      } else if (url.protocol === 'http:' && env !== DEFAULT_ENV) {
        problems.push(
          `TAB_ENDPOINT "${endpoint}" must use https: Teams loads tabs only over https (http is accepted for the local env only)`,
        );
      }
      if (url.search !== '' || url.hash !== '') {
        problems.push(`TAB_ENDPOINT "${endpoint}" must not have a query or a #fragment`);
      }
      if (domain !== undefined && domain !== url.host && domain !== url.hostname) {
        problems.push(
          `TAB_DOMAIN "${domain}" is not the host of TAB_ENDPOINT "${endpoint}": set TAB_DOMAIN=${url.host}`,
        );
      }
    }
  }
  if (domain !== undefined && /[/\s]/.test(domain)) {
    problems.push(`TAB_DOMAIN "${domain}" must be a bare host name such as mutual.example.com`);
  }
  return problems;
}

export interface VariableSources {
  readonly envFile: string;
  /** Highest priority first: process environment, env file, local defaults. */
  readonly sources: readonly Env[];
}

/** Reads env/.env.<env>; a missing file is an error except for the local env. */
export async function loadVariableSources(
  env: string,
  rootDir: string,
  processEnv: Env,
): Promise<VariableSources> {
  if (!ENV_NAME.test(env)) {
    throw new AppPackageError('Bad --env value:', [
      `"${env}" is not an env name: use letters, digits, "-" or "_" (e.g. local, dev, prod)`,
    ]);
  }
  const envFile = path.join(rootDir, 'env', `.env.${env}`);
  let fileValues: Env = {};
  if (existsSync(envFile)) {
    fileValues = parseEnv(await readFile(envFile, 'utf8'));
  } else if (env !== DEFAULT_ENV) {
    throw new AppPackageError(`No env file for env "${env}":`, [
      `create ${path.relative(rootDir, envFile)}: start from a copy of the repository's env/.env.dev, or run teamsapp provision --env ${env}`,
    ]);
  }
  const defaults = env === DEFAULT_ENV ? LOCAL_DEFAULTS : {};
  return { envFile, sources: [processEnv, fileValues, defaults] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface AppManifestModule {
  readonly AppManifestUtils: {
    validateAgainstSchema(manifest: unknown, schema?: unknown): Promise<string[]>;
  };
}

// The package ships no type declarations, so it is loaded through require with its shape stated here.
const requireFromHere = createRequire(import.meta.url);

function appManifestModule(): AppManifestModule {
  return requireFromHere('@microsoft/app-manifest') as AppManifestModule;
}

/**
 * Maps a Teams schema URL to the copy shipped inside @microsoft/app-manifest, so validation
 * never needs the network. Returns undefined when no copy exists.
 */
export function localSchemaFile(schemaUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(schemaUrl);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'developer.microsoft.com') return undefined;
  // The docs link localised copies (/en-us/json-schemas/…); the package stores the plain path.
  const schemaPath = url.pathname.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/json-schemas\/)/i, '');
  if (!schemaPath.startsWith('/json-schemas/teams/')) return undefined;
  const packageDir = path.dirname(requireFromHere.resolve('@microsoft/app-manifest'));
  const file = path.join(packageDir, ...schemaPath.split('/').filter(Boolean));
  return existsSync(file) ? file : undefined;
}

/** Schema problems of a filled manifest (empty when valid), checked offline. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (!isRecord(manifest)) return ['manifest.json must hold a JSON object'];
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl !== 'string')
    return ['manifest.json: $schema must name the Teams schema URL'];
  const schemaFile = localSchemaFile(schemaUrl);
  if (schemaFile === undefined) {
    return [
      `manifest.json: no offline copy of the schema ${schemaUrl} in @microsoft/app-manifest: use a developer.microsoft.com Teams schema URL it ships (v1.0 to v1.30)`,
    ];
  }
  const problems: string[] = [];
  const schemaVersion = /\/v(\d+\.\d+)\//.exec(schemaUrl)?.[1];
  if (schemaVersion !== undefined && manifest.manifestVersion !== schemaVersion) {
    problems.push(
      `manifest.json: manifestVersion "${String(manifest.manifestVersion)}" does not match the $schema version ${schemaVersion}`,
    );
  }
  // Some published schemas contain \a and \v escapes, which JSON does not allow.
  const schemaText = (await readFile(schemaFile, 'utf8'))
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b');
  const errors = await appManifestModule().AppManifestUtils.validateAgainstSchema(
    manifest,
    JSON.parse(schemaText) as unknown,
  );
  problems.push(...errors.map((error) => `manifest.json${error.trim()}`));
  return problems;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: number;
}

/** Reads the IHDR chunk; throws if the bytes are not a PNG. */
export function readPngHeader(png: Uint8Array): PngHeader {
  const isPng =
    png.length >= 33 &&
    PNG_SIGNATURE.every((byte, i) => png[i] === byte) &&
    Buffer.from(png.subarray(12, 16)).toString('latin1') === 'IHDR';
  if (!isPng) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: png[24] ?? 0,
    colorType: png[25] ?? 0,
    interlace: png[28] ?? 0,
  };
}

/** Channels per PNG colour type: grey, RGB, grey+alpha, RGBA (palette images are not decoded). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly hasAlpha: boolean;
  /** RGBA, 4 bytes a pixel. */
  readonly pixels: Uint8Array;
}

/** Decodes an 8-bit, non-interlaced grey / RGB / grey+alpha / RGBA PNG into RGBA pixels. */
export function decodePng(png: Uint8Array): DecodedPng {
  const header = readPngHeader(png);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || header.interlace !== 0 || channels === undefined) {
    throw new Error('only 8-bit, non-interlaced grey, RGB or RGBA PNGs can be checked');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    const type = Buffer.from(png.subarray(offset + 4, offset + 8)).toString('latin1');
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is truncated');
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const target = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[source + x] ?? 0;
      const left = x >= channels ? (rows[target + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[target - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (rows[target - stride + x - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = Math.floor((left + up) / 2);
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else if (filter !== 0) throw new Error(`unknown PNG row filter ${String(filter)}`);
      rows[target + x] = (value + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    const grey = channels <= 2;
    const r = rows[at] ?? 0;
    pixels[i * 4] = r;
    pixels[i * 4 + 1] = grey ? r : (rows[at + 1] ?? 0);
    pixels[i * 4 + 2] = grey ? r : (rows[at + 2] ?? 0);
    pixels[i * 4 + 3] = channels === 2 || channels === 4 ? (rows[at + channels - 1] ?? 0) : 255;
  }
  return { width, height, hasAlpha: channels === 2 || channels === 4, pixels };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** Teams' icon rules: colour 192x192; outline 32x32, white on a transparent background. */
export function checkIcons(icons: {
  readonly color: Uint8Array;
  readonly outline: Uint8Array;
}): string[] {
  const problems: string[] = [];
  const sizeProblem = (name: string, png: Uint8Array, size: number): string | undefined => {
    let header: PngHeader;
    try {
      header = readPngHeader(png);
    } catch {
      return `${name} icon is not a PNG file`;
    }
    if (header.width !== size || header.height !== size) {
      return `${name} icon is ${String(header.width)}x${String(header.height)}; Teams needs exactly ${String(size)}x${String(size)}`;
    }
    return undefined;
  };
  const colorProblem = sizeProblem('color', icons.color, ICON_RULES.color.size);
  if (colorProblem !== undefined) problems.push(colorProblem);
  const outlineProblem = sizeProblem('outline', icons.outline, ICON_RULES.outline.size);
  if (outlineProblem !== undefined) {
    problems.push(outlineProblem);
    return problems;
  }
  let outline: DecodedPng;
  try {
    outline = decodePng(icons.outline);
  } catch (error) {
    problems.push(
      `outline icon cannot be checked (${(error as Error).message}): save it as 8-bit RGBA`,
    );
    return problems;
  }
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < outline.pixels.length; i += 4) {
    const alpha = outline.pixels[i + 3] ?? 0;
    if (alpha === 0) {
      transparent++;
      continue;
    }
    // A little tolerance: some exporters leave 254s on anti-aliased edges.
    const white = [0, 1, 2].every((c) => (outline.pixels[i + c] ?? 0) >= 248);
    if (!white) notWhite++;
  }
  if (!outline.hasAlpha || transparent === 0) {
    problems.push(
      'outline icon needs a transparent background (an alpha channel with clear pixels)',
    );
  }
  if (notWhite > 0) {
    problems.push(
      `outline icon must be white only; ${String(notWhite)} visible pixels are not white`,
    );
  }
  return problems;
}

/** Zips files at the archive root, in name order, with fixed timestamps. */
export async function buildAppPackage(
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of Object.keys(files).sort()) {
    const content = files[name];
    if (content !== undefined) zip.file(name, content, { date: ZIP_DATE });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

function iconFileName(manifest: unknown, kind: 'color' | 'outline'): string | undefined {
  if (!isRecord(manifest) || !isRecord(manifest.icons)) return undefined;
  const name = manifest.icons[kind];
  return typeof name === 'string' ? name : undefined;
}

export interface PackageAppOptions {
  /** Env name: reads env/.env.<env>. Default `local`. */
  readonly env?: string;
  /** Repository root holding appPackage/ and env/. */
  readonly rootDir?: string;
  /** Overrides the env file; default process.env. */
  readonly processEnv?: Env;
  /** Where the zip and the filled manifest go; default <rootDir>/appPackage/build. */
  readonly outDir?: string;
}

export interface PackagedApp {
  readonly zipPath: string;
  readonly manifestPath: string;
  readonly manifest: Record<string, unknown>;
  /** Variables whose value came from the process environment rather than the env file. */
  readonly fromEnvironment: readonly string[];
}

/** Fills, validates and zips the app package; throws AppPackageError listing every problem. */
export async function packageApp(options: PackageAppOptions = {}): Promise<PackagedApp> {
  const env = options.env ?? DEFAULT_ENV;
  const rootDir = options.rootDir ?? ROOT_DIR;
  const processEnv = options.processEnv ?? process.env;
  const appPackageDir = path.join(rootDir, 'appPackage');
  const outDir = options.outDir ?? path.join(appPackageDir, 'build');

  const template = await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const { envFile, sources } = await loadVariableSources(env, rootDir, processEnv);
  const names = listPlaceholders(template);
  const values = resolveVariables(names, sources);
  const filled = fillPlaceholders(template, values, {
    json: true,
    where: path.relative(rootDir, envFile),
  });
  const manifest = JSON.parse(filled) as unknown;
  if (!isRecord(manifest))
    throw new AppPackageError('Bad manifest:', ['manifest.json must hold a JSON object']);

  const problems = [...checkVariables(values, env), ...(await validateManifest(manifest))];
  const files: Record<string, string | Uint8Array> = {};
  const icons: Partial<Record<'color' | 'outline', Uint8Array>> = {};
  for (const kind of ['color', 'outline'] as const) {
    const name = iconFileName(manifest, kind);
    if (name === undefined) continue; // the schema check above already reports it
    if (name !== path.basename(name)) {
      problems.push(`icons.${kind} "${name}" must be a file next to manifest.json`);
      continue;
    }
    const file = path.join(appPackageDir, name);
    if (!existsSync(file)) {
      problems.push(
        `icons.${kind} "${name}" does not exist in appPackage/ (run npx tsx scripts/make-icons.ts)`,
      );
      continue;
    }
    icons[kind] = await readFile(file);
    files[name] = icons[kind];
  }
  if (icons.color !== undefined && icons.outline !== undefined) {
    problems.push(...checkIcons({ color: icons.color, outline: icons.outline }));
  }
  if (problems.length > 0) {
    throw new AppPackageError(`The app package for env "${env}" is not valid:`, problems);
  }

  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  files['manifest.json'] = manifestJson;
  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  const manifestPath = path.join(outDir, `manifest.${env}.json`);
  await writeFile(zipPath, await buildAppPackage(files));
  await writeFile(manifestPath, manifestJson);
  const fromEnvironment = names.filter((name) => isUsable(name, processEnv[name]));
  return { zipPath, manifestPath, manifest, fromEnvironment };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { env: { type: 'string', short: 'e', default: DEFAULT_ENV } },
    allowPositionals: false,
  });
  const result = await packageApp({ env: values.env });
  const shown = (file: string) => path.relative(process.cwd(), file);
  console.log(
    `Packaged env "${values.env}":\n  ${shown(result.zipPath)}\n  ${shown(result.manifestPath)}`,
  );
  if (result.fromEnvironment.length > 0) {
    console.log(
      `Taken from the environment, not the env file: ${result.fromEnvironment.join(', ')}`,
    );
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof AppPackageError ? error.message : error);
    process.exitCode = 1;
  });
}
