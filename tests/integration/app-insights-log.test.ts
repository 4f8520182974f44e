import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppInsightsSink, type AppInsightsSink } from '../../src/log/app-insights';
import { createJsonLog, type LogRecord } from '../../src/log/json-log';

const KEY = '00000000-0000-4000-8000-0000000000a1';

interface Envelope {
  name: string;
  time: string;
  iKey: string;
  tags: Record<string, string>;
  data: {
    baseType: string;
    baseData: {
      ver: number;
      message: string;
      severityLevel: number;
      properties: Record<string, string>;
    };
  };
}

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  envelopes: Envelope[];
}

type Reply = { status: number; body?: unknown };

/** A real HTTP ingestion endpoint on loopback: records each POST and answers from a script. */
async function startIngestion() {
  const received: Received[] = [];
  const replies: Reply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const envelopes = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope[];
      received.push({ method: req.method, url: req.url, headers: req.headers, envelopes });
      const reply = replies.shift() ?? {
        status: 200,
        body: { itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] },
      };
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body ?? {}));
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=${KEY};IngestionEndpoint=http://127.0.0.1:${port}/`,
    received,
    /** Answers the next requests with these statuses, then 200s. */
    reply: (...next: Reply[]) => replies.push(...next),
    /** Resolves once this many requests have arrived in all. */
    requests: (count: number) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    messages: () => received.flatMap((r) => r.envelopes.map((e) => e.data.baseData.message)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const NOW = new Date('2026-03-04T05:06:07.089Z');

function buildRecord(message: string, fields: Record<string, unknown> = {}): LogRecord {
  return { time: NOW, message, fields };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setUp(options: Partial<Parameters<typeof createAppInsightsSink>[0]> = {}) {
  const ingestion = await startIngestion();
  const errors: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const sink = createAppInsightsSink({
    connectionString: ingestion.connectionString,
    flushMs: 60_000,
    roleName: 'mutual-test',
    roleInstance: 'instance-1',
    onError: (message, fields) => errors.push({ message, fields }),
    ...options,
  });
  cleanups.push(async () => {
    await sink.close();
    await ingestion.stop();
  });
  return { ingestion, sink, errors };
}

function droppedCounts(errors: { message: string; fields?: Record<string, unknown> }[]) {
  return errors.filter((e) => e.message === 'app insights: records dropped').map((e) => e.fields);
}

describe('Application Insights log sink', () => {
  it('posts records as message envelopes with the key, severity, properties and role', async () => {
    const { ingestion, sink, errors } = await setUp();
    const log = createJsonLog({ write: () => {}, now: () => NOW, sink });
    log('notify: sent', { notificationId: 'n1', attempts: 2, ok: true, extra: undefined });
    log('scheduler: job failed, will retry', { jobId: 'j1', error: new Error('lease lost') });
    log('bot: refused', { level: 'error', status: 401 });

    await sink.flush();

    expect(ingestion.received).toHaveLength(1);
    const [request] = ingestion.received as [Received];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v2/track');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.envelopes).toEqual([
      {
        name: 'Microsoft.ApplicationInsights.Message',
        time: '2026-03-04T05:06:07.089Z',
        iKey: KEY,
        tags: { 'ai.cloud.role': 'mutual-test', 'ai.cloud.roleInstance': 'instance-1' },
        data: {
          baseType: 'MessageData',
          baseData: {
            ver: 2,
            message: 'notify: sent',
            severityLevel: 1,
            properties: { notificationId: 'n1', attempts: '2', ok: 'true' },
          },
        },
      },
      expect.objectContaining({
        data: {
          baseType: 'MessageData',
          baseData: {
            ver: 2,
            message: 'scheduler: job failed, will retry',
            severityLevel: 3,
            properties: { jobId: 'j1', error: '{"name":"Error","message":"lease lost"}' },
          },
        },
      }),
      expect.objectContaining({
        data: expect.objectContaining({
          baseData: expect.objectContaining({
            severityLevel: 3,
            properties: { level: 'error', status: '401' },
          }),
        }),
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it('sends as soon as a batch is full, without waiting for the timer', async () => {
    const { ingestion, sink } = await setUp({ maxBatch: 3 });
    for (const n of [1, 2, 3]) sink.record(buildRecord(`r${n}`));
    await ingestion.requests(1);
    for (const n of [4, 5, 6, 7]) sink.record(buildRecord(`r${n}`));
    await ingestion.requests(2);

    expect(ingestion.received.map((r) => r.envelopes.length)).toEqual([3, 3]);
    expect(ingestion.messages()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('sends what waits when the timer fires', async () => {
    const { ingestion, sink } = await setUp({ flushMs: 20 });
    sink.record(buildRecord('first'));
    sink.record(buildRecord('second'));

    await ingestion.requests(1);
    sink.record(buildRecord('third'));
    await ingestion.requests(2);

    expect(ingestion.received.map((r) => r.envelopes.length)).toEqual([2, 1]);
    expect(ingestion.messages()).toEqual(['first', 'second', 'third']);
  });

  it('retries a batch the endpoint could not take (503) once, and delivers it once', async () => {
    const { ingestion, sink, errors } = await setUp();
    ingestion.reply({ status: 503 });
    sink.record(buildRecord('kept'));

    await sink.flush();
    expect(errors).toEqual([
      { message: 'app insights: send failed, will retry', fields: { status: 503, records: 1 } },
    ]);
    await sink.flush();
    await sink.flush();

    expect(ingestion.received.map((r) => r.envelopes.length)).toEqual([1, 1]);
    expect(ingestion.messages()).toEqual(['kept', 'kept']);
    expect(errors).toHaveLength(1);
  });

  it('drops a batch after its one retry fails too', async () => {
    const { ingestion, sink, errors } = await setUp();
    ingestion.reply({ status: 429 }, { status: 500 });
    sink.record(buildRecord('lost'));

    await sink.flush();
    await sink.flush();
    await sink.flush();

    expect(ingestion.received).toHaveLength(2);
    expect(droppedCounts(errors)).toEqual([{ reason: 'retry failed', dropped: 1 }]);
  });

  it('drops a batch the endpoint refuses (400) without retrying', async () => {
    const { ingestion, sink, errors } = await setUp();
    ingestion.reply({ status: 400 });
    sink.record(buildRecord('bad'));

    await sink.flush();
    await sink.flush();

    expect(ingestion.received).toHaveLength(1);
    expect(errors).toEqual([
      { message: 'app insights: records rejected', fields: { status: 400, dropped: 1 } },
    ]);
  });

  it('retries only the records a partial answer (206) marks as retryable', async () => {
    const { ingestion, sink, errors } = await setUp();
    ingestion.reply({
      status: 206,
      body: {
        itemsReceived: 3,
        itemsAccepted: 1,
        errors: [
          { index: 1, statusCode: 503, message: 'busy' },
          { index: 2, statusCode: 400, message: 'bad field' },
        ],
      },
    });
    for (const n of [0, 1, 2]) sink.record(buildRecord(`r${n}`));

    await sink.flush();
    await sink.flush();

    expect(ingestion.messages()).toEqual(['r0', 'r1', 'r2', 'r1']);
    expect(errors.map((e) => e.message)).toEqual([
      'app insights: records rejected',
      'app insights: send failed, will retry',
    ]);
  });

  it('does not throw when the endpoint is unreachable, and reports it', async () => {
    // An endpoint that drops every connection it is offered (a port merely closed again could be
    // taken meanwhile by another test's server).
    const dropping = createNetServer((socket) => socket.destroy());
    await new Promise<void>((done) => dropping.listen(0, '127.0.0.1', done));
    const { port } = dropping.address() as AddressInfo;
    const errors: { message: string; fields?: Record<string, unknown> }[] = [];
    const sink = createAppInsightsSink({
      connectionString: `InstrumentationKey=ikey;IngestionEndpoint=http://127.0.0.1:${port}/`,
      flushMs: 60_000,
      onError: (message, fields) => errors.push({ message, fields }),
    });
    const log = createJsonLog({ write: () => {}, sink });

    expect(() => log('nobody listens', { n: 1 })).not.toThrow();
    await expect(sink.flush()).resolves.toBeUndefined();
    await expect(sink.close()).resolves.toBeUndefined();

    expect(errors[0]).toEqual({
      message: 'app insights: send failed, will retry',
      fields: { error: expect.stringMatching(/fetch failed/), records: 1 },
    });
    expect(droppedCounts(errors)).toEqual([{ reason: 'retry failed', dropped: 1 }]);
    await new Promise((done) => dropping.close(done));
  });

  it('sends what is left when closed, and ignores records after that', async () => {
    const { ingestion, sink } = await setUp();
    sink.record(buildRecord('a'));
    sink.record(buildRecord('b'));

    await sink.close();
    sink.record(buildRecord('late'));
    await sink.flush();

    expect(ingestion.messages()).toEqual(['a', 'b']);
  });

  it('keeps the newest records when the queue is full, and reports the drops once', async () => {
    const { ingestion, sink, errors } = await setUp({ maxQueue: 3 });
    for (const n of [1, 2, 3, 4, 5]) sink.record(buildRecord(`r${n}`));

    await sink.flush();
    sink.record(buildRecord('r6'));
    await sink.flush();

    expect(ingestion.messages()).toEqual(['r3', 'r4', 'r5', 'r6']);
    expect(droppedCounts(errors)).toEqual([{ reason: 'queue full', dropped: 2 }]);
  });

  it('reports its own failures through onError, never through the log it serves', async () => {
    const ingestion = await startIngestion();
    ingestion.reply({ status: 400 });
    const lines: string[] = [];
    const errorLines: string[] = [];
    const sink: AppInsightsSink = createAppInsightsSink({
      connectionString: ingestion.connectionString,
      flushMs: 60_000,
      onError: createJsonLog({ write: (line) => errorLines.push(line) }),
    });
    cleanups.push(async () => {
      await sink.close();
      await ingestion.stop();
    });
    const log = createJsonLog({ write: (line) => lines.push(line), sink });
    log('one');

    await sink.flush();
    await sink.flush();

    expect(lines).toHaveLength(1);
    expect(errorLines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual([
      'app insights: records rejected',
    ]);
    expect(ingestion.received).toHaveLength(1);
  });
});
