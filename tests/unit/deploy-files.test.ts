import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, settingNames } from '../../src/config';
import { notificationQueueName } from '../../src/store';
import { tableKinds } from '../../src/store/table-storage';

// The Bicep CLI cannot be installed on these machines (it downloads from GitHub), so what it would
// catch at deploy time is checked here instead: the Bicep file's structure, and that it, its
// parameters file, teamsapp.yml, the env files and the server's own settings agree with each other.

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const bicep = read('infra/azure.bicep');
const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
  parameters: Record<string, { value: unknown }>;
};
const packageJson = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

/** The Bicep text without comments and with string contents blanked, for structural checks. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, (s) => `'${' '.repeat(s.length - 2)}'`);
}

interface Param {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
}

function bicepParams(): Param[] {
  const params: Param[] = [];
  const lines = bicep.split('\n');
  lines.forEach((line, i) => {
    const match = /^param (\w+) (\w+)( =)?/.exec(line);
    if (!match) return;
    params.push({
      name: match[1]!,
      type: match[2]!,
      hasDefault: match[3] !== undefined,
      secure: lines[i - 1]?.trim() === '@secure()',
    });
  });
  return params;
}

const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
const resources = [...bicep.matchAll(/^resource (\w+) '([^']+)'/gm)].map((m) => ({
  name: m[1]!,
  type: m[2]!,
}));

/** `KEY: value` lines of the block that starts at the first line matching `start`. */
function block(start: RegExp): Map<string, string> {
  const lines = bicep.split('\n');
  const first = lines.findIndex((line) => start.test(line));
  expect(first, `a block matching ${start}`).toBeGreaterThanOrEqual(0);
  const entries = new Map<string, string>();
  let depth = 0;
  for (const line of lines.slice(first)) {
    const text = code(line);
    if (depth === 1) {
      const entry = /^\s*(\w+): (.+)$/.exec(line);
      if (entry) entries.set(entry[1]!, entry[2]!.replace(/\s+\/\/ .*$/, ''));
    }
    depth += (text.match(/[{[]/g)?.length ?? 0) - (text.match(/[}\]]/g)?.length ?? 0);
    if (depth === 0 && entries.size > 0) break;
  }
  return entries;
}

/** A value of the shape Azure gives for a Bicep expression, to feed the server's settings. */
function sampleOf(expression: string): string {
  const literal = /^'(.*)'$/.exec(expression);
  if (literal) return literal[1]!.replace(/\$\{\w+\}/g, 'mutual-dev-x7k2.azurewebsites.net');
  if (expression === 'storage.name') return 'mutualdevx7k2';
  if (expression === 'appInsights.properties.ConnectionString')
    return 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
  const param = bicepParams().find((p) => p.name === expression);
  if (param) return param.secure ? 'a-client-secret' : '9b7c2e1f-3a4b-4c5d-8e6f-0a1b2c3d4e5f';
  throw new Error(`no sample for the Bicep expression ${expression}`);
}

/** Names an env file defines (`NAME=` lines). */
function envFileNames(path: string): Set<string> {
  return new Set([...read(path).matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!));

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectYaml {
  version: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

describe('infra/azure.bicep', () => {
  it('is well formed: brackets balance, every resource has a dated API version, no key is read', () => {
    const text = code(bicep);
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ] as const) {
      let depth = 0;
      for (const char of text) {
        if (char === open) depth += 1;
        if (char === close) depth -= 1;
        expect(depth, `${close} before its ${open}`).toBeGreaterThanOrEqual(0);
      }
      expect(depth, `unbalanced ${open}${close}`).toBe(0);
    }
    expect(resources.length).toBeGreaterThan(5);
    for (const { name, type } of resources)
      expect(type, name).toMatch(/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
    // Every `x.y` that reads a symbol reads one that is declared.
    const declared = new Set([
      ...resources.map((r) => r.name),
      ...bicepParams().map((p) => p.name),
      ...[...bicep.matchAll(/^var (\w+) /gm)].map((m) => m[1]!),
      'roleId',
    ]);
    for (const [, symbol] of text.matchAll(
      /(?<![\w.'])([a-z]\w*)\.(?:id|name|properties|identity)\b/g,
    ))
      expect(declared, symbol).toContain(symbol);
    expect(bicep).not.toMatch(/listKeys|AccountKey|primaryKey/);
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
  });

  it('declares the resources the issue names: Linux Node 20 web app with an identity, storage, bot on Teams, monitoring', () => {
    const types = resources.map((r) => r.type.split('@')[0]);
    expect(types).toEqual(
      expect.arrayContaining([
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Storage/storageAccounts/queueServices/queues',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.Insights/components',
      ]),
    );
    expect(bicep).toMatch(/kind: 'app,linux'/);
    expect(bicep).toMatch(/reserved: true/);
    expect(bicep).toMatch(/type: 'SystemAssigned'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    // Node 20, as package.json's engines.
    const node = /param linuxFxVersion string = 'NODE\|(\d+)-lts'/.exec(bicep)?.[1];
    expect(packageJson.engines.node).toMatch(new RegExp(`^>=${node}\\.`));
    // The app's data-plane roles, by their published built-in ids.
    expect(bicep).toContain(
      "'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor",
    );
    expect(bicep).toContain(
      "'974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor",
    );
    // The tables and the queue the app uses with its default table prefix.
    expect(block(/^resource notificationsQueue /).get('name')).toBe(
      `'${notificationQueueName('mutual')}'`,
    );
    const kinds = /var tableKinds = \[([^\]]+)\]/.exec(bicep)?.[1];
    expect(kinds?.trim().split(/\s+/)).toEqual(tableKinds.map((kind) => `'${kind}'`));
    expect(bicep).toContain("name: 'mutual${kind}'");
  });

  it('documents every parameter, and its parameters file gives each one without a default', () => {
    const params = bicepParams();
    const lines = bicep.split('\n');
    for (const param of params) {
      const at = lines.findIndex((line) => line.startsWith(`param ${param.name} `));
      const blank = lines.slice(0, at).findLastIndex((line) => line.trim() === '');
      const decorators = lines.slice(blank + 1, at).join('\n');
      expect(decorators, param.name).toMatch(/@description\('.{10,}'\)/);
      if (!param.hasDefault) expect(Object.keys(parameters.parameters)).toContain(param.name);
    }
    for (const name of Object.keys(parameters.parameters))
      expect(params.map((p) => p.name)).toContain(name);
  });

  it('gives the web app settings the server accepts, starting the build it deploys', () => {
    const settings = block(/name: 'appsettings'/);
    // Read by App Service, and by @azure/identity.
    const platform = new Set([
      'WEBSITE_RUN_FROM_PACKAGE',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
      'AZURE_TOKEN_CREDENTIALS',
    ]);
    const env: Record<string, string> = {};
    for (const [name, expression] of settings) {
      if (platform.has(name)) continue;
      expect(settingNames, `${name} is a setting the server reads`).toContain(name);
      env[name] = sampleOf(expression);
    }
    const config = loadConfig(env);
    expect(config.mode).toBe('teams');
    expect(config.storage.connectionString).toBeUndefined();
    expect(config.storage.account?.name).toBe('mutualdevx7k2');
    expect(config.appInsightsConnectionString).toBeDefined();

    const site = block(/siteConfig: \{/);
    expect(site.get('healthCheckPath')).toBe("'/healthz'");
    // The start command runs what build:server writes, relative to dist/ (what is deployed).
    const command = /^'node (?:--[\w-]+ )*(\S+)'$/.exec(site.get('appCommandLine') ?? '')?.[1];
    expect(packageJson.scripts['build:server']).toContain(`--outfile=dist/${command}`);
  });
});

describe('teamsapp.yml and teamsapp.local.yml', () => {
  const projects = {
    'teamsapp.yml': { yaml: parse(read('teamsapp.yml')) as ProjectYaml, env: 'env/.env.dev' },
    'teamsapp.local.yml': {
      yaml: parse(read('teamsapp.local.yml')) as ProjectYaml,
      env: 'env/.env.local.sample',
    },
  };

  it('provision, deploy and publish (the local file: provision and deploy) with schema v1.8', () => {
    const cloud = projects['teamsapp.yml'].yaml;
    expect(cloud.version).toBe('v1.8');
    const provision = cloud.provision!.map((s) => s.uses);
    for (const action of [
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ])
      expect(provision).toContain(action);
    expect(cloud.deploy!.map((s) => s.uses)).toContain('azureAppService/zipDeploy');
    expect(cloud.publish!.map((s) => s.uses)).toContain('teamsApp/publishAppPackage');
    const local = projects['teamsapp.local.yml'].yaml;
    expect(local.provision!.map((s) => s.uses)).toContain('botFramework/create');
  });

  it('deploys the folder the build writes, after building it', () => {
    const deploy = projects['teamsapp.yml'].yaml.deploy!;
    const build = deploy.findIndex((s) => s.with?.args === 'run build');
    const zip = deploy.findIndex((s) => s.uses === 'azureAppService/zipDeploy');
    expect(build).toBeGreaterThanOrEqual(0);
    expect(zip).toBeGreaterThan(build);
    expect(deploy[zip]!.with!.artifactFolder).toBe('./dist');
    expect(deploy[zip]!.with!.resourceId).toBe('${{WEB_APP_RESOURCE_ID}}');
    expect(outputs).toContain('WEB_APP_RESOURCE_ID');
  });

  it('uses only values that an env file, an earlier step or the Bicep outputs define', () => {
    for (const [file, { yaml, env }] of Object.entries(projects)) {
      const known = new Set([...envFileNames(env), 'TEAMSFX_ENV']);
      const stages = [yaml.provision ?? [], yaml.deploy ?? [], yaml.publish ?? []];
      const seen: string[] = [];
      for (const step of stages.flat()) {
        const used = new Set(placeholders(JSON.stringify(step.with ?? {})));
        const withPath = (key: string) => (step.with?.[key] as string | undefined) ?? '';
        for (const key of ['manifestPath', 'parameters']) {
          const path = withPath(key);
          if (path.endsWith('.json')) for (const name of placeholders(read(path))) used.add(name);
        }
        const templates = (step.with?.templates as { parameters: string }[] | undefined) ?? [];
        for (const t of templates)
          for (const name of placeholders(read(t.parameters))) used.add(name);
        for (const name of used)
          expect(
            known.has(name) || name.startsWith('SECRET_'),
            `${file}: ${step.uses} uses ${name} before anything defines it`,
          ).toBe(true);
        for (const name of Object.values(step.writeToEnvironmentFile ?? {})) known.add(name);
        if (step.uses === 'arm/deploy') for (const name of outputs) known.add(name);
        seen.push(step.uses);
      }
      expect(seen.length, file).toBeGreaterThan(0);
    }
  });

  it('keeps secrets out of git: env files hold no SECRET_ value, .user files are ignored', () => {
    for (const path of ['env/.env.dev', 'env/.env.local.sample'])
      expect(read(path)).not.toMatch(/^SECRET_/m);
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
    // Every Bicep output is written back into the committed env file, so the team sees it.
    const dev = envFileNames('env/.env.dev');
    for (const name of outputs) expect(dev, name).toContain(name);
  });
});

describe('docs/operations.md', () => {
  it('lists every setting the server reads', () => {
    const doc = read('docs/operations.md');
    for (const name of settingNames) expect(doc, name).toContain(`\`${name}\``);
  });
});
