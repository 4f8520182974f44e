import { hostname } from 'node:os';
import {
  createJsonLog,
  stringifyLogValue,
  type Log,
  type LogRecord,
  type LogSink,
} from './json-log';

// Written here rather than taken from the Application Insights SDK: the server needs only message
// records, and the SDK would bring OpenTelemetry and auto-instrumentation with it.

export const DEFAULT_INGESTION_ENDPOINT = 'https://dc.services.visualstudio.com';

export interface AppInsightsConnection {
  readonly instrumentationKey: string;
  /** Origin (and path, if any) without a trailing slash; records go to `<this>/v2/track`. */
  readonly ingestionEndpoint: string;
}

/**
 * Reads `InstrumentationKey=…;IngestionEndpoint=https://…;` (keys in any case, other keys ignored).
 * Throws an Error naming what is wrong; the message never repeats the string's values.
 */
export function parseConnectionString(text: string): AppInsightsConnection {
  const values = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new Error('Application Insights connection string: every part must be Key=Value');
    }
    values.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const instrumentationKey = values.get('instrumentationkey') ?? '';
  if (instrumentationKey === '') {
    throw new Error('Application Insights connection string has no InstrumentationKey');
  }
  const endpoint = values.get('ingestionendpoint') || DEFAULT_INGESTION_ENDPOINT;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error('Application Insights connection string: IngestionEndpoint is not a URL');
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
    throw new Error(
      'Application Insights connection string: IngestionEndpoint must use https ' +
        '(http only for a loopback host)',
    );
  }
  return {
    instrumentationKey,
    ingestionEndpoint: `${url.origin}${url.pathname}`.replace(/\/+$/, ''),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The part of `fetch` the sink uses, so tests may pass a fake. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface AppInsightsSinkOptions {
  connectionString: string;
  fetch?: FetchLike;
  /** Send what waits at least this often (ms). Default 5000. */
  flushMs?: number;
  /** Records per request; this many waiting sends at once. Default 100. */
  maxBatch?: number;
  /** Records kept in memory; beyond it the oldest are dropped. Default 5000. */
  maxQueue?: number;
  /** `ai.cloud.role`. Default `mutual`. */
  roleName?: string;
  /** `ai.cloud.roleInstance`. Default the host name. */
  roleInstance?: string;
  /** Per request (ms). Default 10000. */
  timeoutMs?: number;
  /** Where the sink's own failures go (never back into the sink). Default a JSON line on stderr. */
  onError?: Log;
}

export interface AppInsightsSink extends LogSink {
  /** Sends everything waiting now; never rejects. */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left; later records are ignored. Never rejects. */
  close(): Promise<void>;
}

interface Envelope {
  name: 'Microsoft.ApplicationInsights.Message';
  time: string;
  iKey: string;
  tags: Record<string, string>;
  data: {
    baseType: 'MessageData';
    baseData: {
      ver: 2;
      message: string;
      severityLevel: number;
      properties: Record<string, string>;
    };
  };
}

interface Queued {
  envelope: Envelope;
  /** Failed sends so far: a record is retried once, then dropped. */
  failures: number;
}

type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'partial'; retryable: number[]; rejected: number; status: number }
  | { kind: 'retryable'; status?: number; error?: string }
  | { kind: 'rejected'; status: number };

const SEVERITY_INFORMATION = 1;
const SEVERITY_ERROR = 3;
// Application Insights' own limits; longer values are cut by the service or refused.
const MAX_MESSAGE = 32_768;
const MAX_PROPERTY_KEY = 150;
const MAX_PROPERTY_VALUE = 8_192;

/**
 * Sends log records to Application Insights as message telemetry, in batches, off the request
 * path. Never throws into the code that logs.
 */
export function createAppInsightsSink(options: AppInsightsSinkOptions): AppInsightsSink {
  const { instrumentationKey, ingestionEndpoint } = parseConnectionString(options.connectionString);
  const trackUrl = `${ingestionEndpoint}/v2/track`;
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const flushMs = options.flushMs ?? 5_000;
  const maxBatch = Math.max(1, options.maxBatch ?? 100);
  const maxQueue = Math.max(1, options.maxQueue ?? 5_000);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const tags = {
    'ai.cloud.role': options.roleName ?? 'mutual',
    'ai.cloud.roleInstance': options.roleInstance ?? hostname(),
  };
  const errorLog =
    options.onError ??
    createJsonLog({
      write: (line) => {
        process.stderr.write(`${line}\n`);
      },
    });
  const report: Log = (message, fields) => {
    try {
      errorLog(message, fields);
    } catch {
      // Nowhere left to report to.
    }
  };

  let queue: Queued[] = [];
  let droppedForSpace = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Flushes run one after another; a flush that has not started yet takes every record waiting.
  let chain: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;

  function toEnvelope(record: LogRecord): Envelope {
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(record.fields)) {
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value : stringifyLogValue(value);
      properties[key.slice(0, MAX_PROPERTY_KEY)] = text.slice(0, MAX_PROPERTY_VALUE);
    }
    const isError = record.fields.level === 'error' || record.fields.error !== undefined;
    return {
      name: 'Microsoft.ApplicationInsights.Message',
      time: record.time.toISOString(),
      iKey: instrumentationKey,
      tags,
      data: {
        baseType: 'MessageData',
        baseData: {
          ver: 2,
          message: record.message.slice(0, MAX_MESSAGE),
          severityLevel: isError ? SEVERITY_ERROR : SEVERITY_INFORMATION,
          properties,
        },
      },
    };
  }

  function keepWithinCap(): void {
    const excess = queue.length - maxQueue;
    if (excess > 0) {
      queue.splice(0, excess);
      droppedForSpace += excess;
    }
  }

  function schedule(): void {
    if (timer || closed || queue.length === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, flushMs);
    timer.unref();
  }

  async function send(batch: Queued[]): Promise<SendOutcome> {
    let status: number;
    let body: string;
    try {
      const response = await fetchImpl(trackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch.map((item) => item.envelope)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      body = await response.text().catch(() => '');
    } catch (error) {
      return { kind: 'retryable', error: describe(error) };
    }
    if (status === 206) return partialOutcome(body, batch.length);
    if (status >= 200 && status < 300) return { kind: 'sent' };
    if (isRetryable(status)) return { kind: 'retryable', status };
    return { kind: 'rejected', status };
  }

  async function sendWaiting(): Promise<void> {
    if (droppedForSpace > 0) {
      report('app insights: records dropped', { reason: 'queue full', dropped: droppedForSpace });
      droppedForSpace = 0;
    }
    const taken = queue;
    queue = [];
    const again: Queued[] = [];
    let dropped = 0;
    let lastFailure: Record<string, unknown> = {};
    for (let start = 0; start < taken.length; start += maxBatch) {
      const batch = taken.slice(start, start + maxBatch);
      const outcome = await send(batch);
      if (outcome.kind === 'sent') continue;
      if (outcome.kind === 'rejected') {
        report('app insights: records rejected', { status: outcome.status, dropped: batch.length });
        continue;
      }
      const failed =
        outcome.kind === 'partial' ? outcome.retryable.flatMap((i) => batch[i] ?? []) : batch;
      if (outcome.kind === 'partial' && outcome.rejected > 0) {
        report('app insights: records rejected', {
          status: outcome.status,
          dropped: outcome.rejected,
        });
      }
      lastFailure =
        outcome.kind === 'retryable' && outcome.status === undefined
          ? { error: outcome.error }
          : { status: outcome.status };
      for (const item of failed) {
        if (item.failures === 0) again.push({ ...item, failures: 1 });
        else dropped += 1;
      }
      if (outcome.kind === 'retryable') {
        // The endpoint is down or busy: keep the rest for the next flush, untried.
        again.push(...taken.slice(start + maxBatch));
        break;
      }
    }
    if (again.length > 0) {
      report('app insights: send failed, will retry', { ...lastFailure, records: again.length });
    }
    if (dropped > 0) {
      report('app insights: records dropped', { reason: 'retry failed', dropped });
    }
    // What failed is older than what arrived meanwhile.
    queue = [...again, ...queue];
    keepWithinCap();
    schedule();
  }

  function flush(): Promise<void> {
    if (waiting) return waiting;
    const next = chain.then(async () => {
      waiting = undefined;
      try {
        await sendWaiting();
      } catch (error) {
        report('app insights: flush failed', { error: describe(error) });
      }
    });
    waiting = next;
    chain = next;
    return next;
  }

  return {
    record(record) {
      if (closed) return;
      try {
        queue.push({ envelope: toEnvelope(record), failures: 0 });
      } catch (error) {
        report('app insights: record not queued', { error: describe(error) });
        return;
      }
      keepWithinCap();
      if (queue.length >= maxBatch) void flush();
      else schedule();
    },
    flush,
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await flush();
      if (queue.length > 0) {
        report('app insights: records dropped', { reason: 'closed', dropped: queue.length });
        queue = [];
      }
    },
  };
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** 206: some records accepted; the body lists the others by index with their own status. */
function partialOutcome(body: string, size: number): SendOutcome {
  const retryable: number[] = [];
  let rejected = 0;
  let errors: unknown;
  try {
    errors = (JSON.parse(body) as { errors?: unknown }).errors;
  } catch {
    errors = undefined;
  }
  if (!Array.isArray(errors)) return { kind: 'retryable', status: 206 };
  for (const entry of errors as { index?: unknown; statusCode?: unknown }[]) {
    const index = entry?.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= size) {
      continue;
    }
    if (typeof entry.statusCode === 'number' && isRetryable(entry.statusCode)) {
      retryable.push(index);
    } else {
      rejected += 1;
    }
  }
  return { kind: 'partial', retryable, rejected, status: 206 };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch's "fetch failed" hides the reason (ECONNREFUSED, a timeout …) in `cause`.
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
