import { describe, expect, it } from 'vitest';
import { DEFAULT_INGESTION_ENDPOINT, parseConnectionString } from '../../src/log/app-insights';
import { createJsonLog, type LogRecord } from '../../src/log/json-log';

const KEY = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-03-04T05:06:07.089Z');

function buildJsonLog() {
  const lines: string[] = [];
  const records: LogRecord[] = [];
  const log = createJsonLog({
    write: (line) => lines.push(line),
    now: () => NOW,
    sink: { record: (record) => records.push(record) },
  });
  return { log, lines, records };
}

describe('parseConnectionString', () => {
  it('reads the key and the ingestion endpoint of an Azure connection string', () => {
    const parsed = parseConnectionString(
      `InstrumentationKey=${KEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=abc`,
    );
    expect(parsed).toEqual({
      instrumentationKey: KEY,
      ingestionEndpoint: 'https://westeurope-5.in.applicationinsights.azure.com',
    });
  });

  it('reads keys in any case and ignores spaces and empty parts', () => {
    const parsed = parseConnectionString(
      ` instrumentationkey = ${KEY} ;; INGESTIONENDPOINT=https://ingest.example.com;`,
    );
    expect(parsed).toEqual({
      instrumentationKey: KEY,
      ingestionEndpoint: 'https://ingest.example.com',
    });
  });

  it('sends to the global endpoint when the string names none', () => {
    expect(parseConnectionString(`InstrumentationKey=${KEY}`).ingestionEndpoint).toBe(
      DEFAULT_INGESTION_ENDPOINT,
    );
  });

  it('refuses a string without an instrumentation key, and says so', () => {
    expect(() => parseConnectionString('IngestionEndpoint=https://ingest.example.com')).toThrow(
      /no InstrumentationKey/,
    );
    expect(() => parseConnectionString('InstrumentationKey=;')).toThrow(/no InstrumentationKey/);
    expect(() => parseConnectionString('')).toThrow(/no InstrumentationKey/);
  });

  it('refuses plain http to a host that is not loopback', () => {
    expect(() =>
      parseConnectionString(
        `InstrumentationKey=${KEY};IngestionEndpoint=http://ingest.example.com`,
      ),
    ).toThrow(/IngestionEndpoint must use https/);
  });

  it('allows plain http to a loopback host, for tests', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000']) {
      expect(
        parseConnectionString(`InstrumentationKey=${KEY};IngestionEndpoint=http://${host}/`)
          .ingestionEndpoint,
      ).toBe(`http://${host}`);
    }
  });

  it('refuses an endpoint that is not a URL, and a part that is not Key=Value', () => {
    expect(() =>
      parseConnectionString(`InstrumentationKey=${KEY};IngestionEndpoint=not a url`),
    ).toThrow(/IngestionEndpoint is not a URL/);
    expect(() => parseConnectionString(`InstrumentationKey=${KEY};oops`)).toThrow(/Key=Value/);
  });

  it('does not repeat the key in its errors', () => {
    expect(() =>
      parseConnectionString(`InstrumentationKey=${KEY};IngestionEndpoint=ftp://x`),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining(KEY) }));
  });
});

describe('createJsonLog', () => {
  it('writes one JSON line with time, message and the fields', () => {
    const { log, lines } = buildJsonLog();
    log('scheduler: job failed, will retry', { jobId: 'j1', attempts: 2 });
    log('storage: ready');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '{"time":"2026-03-04T05:06:07.089Z","message":"scheduler: job failed, will retry","jobId":"j1","attempts":2}',
    );
    expect(JSON.parse(lines[1] ?? '')).toEqual({
      time: '2026-03-04T05:06:07.089Z',
      message: 'storage: ready',
    });
  });

  it('keeps its own time and message when a field has the same name', () => {
    const { log, lines } = buildJsonLog();
    log('real', { message: 'field', time: 'then' });
    expect(JSON.parse(lines[0] ?? '')).toEqual({ time: NOW.toISOString(), message: 'real' });
  });

  it('writes an Error field as its name and message, not {}', () => {
    const { log, lines } = buildJsonLog();
    log('api: unexpected error', {
      error: new TypeError('boom'),
      nested: { cause: new RangeError('too far') },
    });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      error: { name: 'TypeError', message: 'boom' },
      nested: { cause: { name: 'RangeError', message: 'too far' } },
    });
  });

  it('still writes a line, without the fields, when they cannot be serialised', () => {
    const { log, lines } = buildJsonLog();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => log('odd fields', { loop, count: 10n })).not.toThrow();
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: NOW.toISOString(),
      message: 'odd fields',
      logError: 'fields could not be serialised',
    });
  });

  it('hands the sink the same record it wrote', () => {
    const { log, records } = buildJsonLog();
    const fields = { teamId: 't1', count: 3 };
    log('roster: synced', fields);
    fields.count = 4;
    expect(records).toEqual([
      { time: NOW, message: 'roster: synced', fields: { teamId: 't1', count: 3 } },
    ]);
  });

  it('keeps logging when the sink throws', () => {
    const lines: string[] = [];
    const log = createJsonLog({
      write: (line) => lines.push(line),
      sink: {
        record: () => {
          throw new Error('sink broke');
        },
      },
    });
    expect(() => log('still here')).not.toThrow();
    expect(lines).toHaveLength(1);
  });
});
