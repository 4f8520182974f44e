import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_CLIENT_ID, loadConfig } from '../../src/config';

const teamsEnv = {
  MICROSOFT_APP_ID: '11111111-1111-4111-8111-111111111111',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: '22222222-2222-4222-8222-222222222222',
  AAD_APP_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
  TAB_ENDPOINT: 'https://mutual.example.com/',
  AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs in local mode on loopback when no Teams or Entra settings are given', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.auth.clientId).toBe(LOCAL_CLIENT_ID);
    expect(config.bot.appId).toBe('');
    expect(config.storage.connectionString).toBeUndefined();
  });

  it('stays on loopback in local mode even when HOST asks for more', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
  });

  it('leaves local mode as soon as one Teams setting is given, and lists every missing one', () => {
    const problems = problemsOf({ MICROSOFT_APP_ID: teamsEnv.MICROSOFT_APP_ID });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'AAD_APP_CLIENT_ID',
      'TAB_ENDPOINT',
      'AZURE_STORAGE_ACCOUNT_NAME',
    ]);
  });

  it('refuses production without settings, naming the bot id too', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('MICROSOFT_APP_ID'))).toBe(true);
    expect(problems).toHaveLength(6);
  });

  it('reads a complete Teams configuration', () => {
    const config = loadConfig({ ...teamsEnv, ALLOWED_TENANTS: ' a , b ,' });
    expect(config.mode).toBe('teams');
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('https://mutual.example.com');
    expect(config.bot).toMatchObject({ appId: teamsEnv.MICROSOFT_APP_ID, appType: 'SingleTenant' });
    expect(config.auth).toEqual({
      clientId: teamsEnv.AAD_APP_CLIENT_ID,
      allowedTenants: ['a', 'b'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a malformed value and what it should be', () => {
    const problems = problemsOf({ PORT: 'eighty', TAB_ENDPOINT: 'not a url' });
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problems.some((p) => p.includes('TAB_ENDPOINT must be a URL'))).toBe(true);
  });

  it('reaches a storage account by name with a token, at its public endpoints unless told others', () => {
    const { AZURE_STORAGE_CONNECTION_STRING: _, ...withoutKey } = teamsEnv;
    const byName = loadConfig({ ...withoutKey, AZURE_STORAGE_ACCOUNT_NAME: 'mutualprod' });
    expect(byName.storage).toEqual({
      connectionString: undefined,
      account: {
        name: 'mutualprod',
        tableUrl: 'https://mutualprod.table.core.windows.net',
        queueUrl: 'https://mutualprod.queue.core.windows.net',
      },
      tablePrefix: 'mutual',
    });
    const sovereign = loadConfig({
      ...withoutKey,
      AZURE_STORAGE_ACCOUNT_NAME: 'mutualprod',
      AZURE_STORAGE_TABLE_ENDPOINT: 'https://mutualprod.table.core.chinacloudapi.cn/',
      AZURE_STORAGE_QUEUE_ENDPOINT: 'https://mutualprod.queue.core.chinacloudapi.cn',
    });
    expect(sovereign.storage.account?.tableUrl).toBe(
      'https://mutualprod.table.core.chinacloudapi.cn',
    );
  });

  it('refuses storage settings that contradict each other or would send a token over http', () => {
    expect(problemsOf({ ...teamsEnv, AZURE_STORAGE_ACCOUNT_NAME: 'mutualprod' })).toEqual([
      'AZURE_STORAGE_ACCOUNT_NAME and AZURE_STORAGE_CONNECTION_STRING are both set: keep one',
    ]);
    expect(
      problemsOf({ ...teamsEnv, AZURE_STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' }),
    ).toEqual([
      'AZURE_STORAGE_TABLE_ENDPOINT and AZURE_STORAGE_QUEUE_ENDPOINT need AZURE_STORAGE_ACCOUNT_NAME',
    ]);
    // Listed with everything else that is wrong, not on its own.
    expect(
      problemsOf({
        MICROSOFT_APP_ID: teamsEnv.MICROSOFT_APP_ID,
        AZURE_STORAGE_ACCOUNT_NAME: 'mutualprod',
        AZURE_STORAGE_CONNECTION_STRING: teamsEnv.AZURE_STORAGE_CONNECTION_STRING,
      }).map((p) => p.split(' ')[0]),
    ).toEqual([
      'AZURE_STORAGE_ACCOUNT_NAME',
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'AAD_APP_CLIENT_ID',
      'TAB_ENDPOINT',
    ]);
    const { AZURE_STORAGE_CONNECTION_STRING: _, ...withoutKey } = teamsEnv;
    const problems = problemsOf({
      ...withoutKey,
      AZURE_STORAGE_ACCOUNT_NAME: 'Mutual_Prod',
      AZURE_STORAGE_QUEUE_ENDPOINT: 'http://mutualprod.queue.core.windows.net',
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('3–24 lowercase letters and digits');
    expect(problems.join('\n')).toContain('AZURE_STORAGE_QUEUE_ENDPOINT must be an https URL');
  });

  it('takes an Application Insights connection string outside local mode, and names a bad one', () => {
    const connection =
      'InstrumentationKey=abc;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
    expect(
      loadConfig({ ...teamsEnv, APPLICATIONINSIGHTS_CONNECTION_STRING: connection })
        .appInsightsConnectionString,
    ).toBe(connection);
    expect(
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connection }).appInsightsConnectionString,
    ).toBeUndefined();
    expect(
      problemsOf({
        ...teamsEnv,
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://x',
      }),
    ).toEqual([
      'APPLICATIONINSIGHTS_CONNECTION_STRING: Application Insights connection string has no InstrumentationKey',
    ]);
  });
});
