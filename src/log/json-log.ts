/**
 * The server's log call. Fields carry ids, counts, statuses and error messages only, never names
 * or text a member wrote (docs/security.md, "Logs").
 */
export type Log = (message: string, fields?: Record<string, unknown>) => void;

/** One log call, as handed to a sink. */
export interface LogRecord {
  readonly time: Date;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Somewhere else log records go besides stdout. `record` must not throw and must not block. */
export interface LogSink {
  record(record: LogRecord): void;
}

export interface JsonLogOptions {
  /** Receives one JSON line, without its newline. Default: stdout. */
  write?: (line: string) => void;
  now?: () => Date;
  sink?: LogSink;
}

/** One JSON line per record, `{time, message, ...fields}`, and the record to the sink if any. */
export function createJsonLog(options: JsonLogOptions = {}): Log {
  const write =
    options.write ??
    ((line: string) => {
      process.stdout.write(`${line}\n`);
    });
  // A log line says when it was written, on the machine's clock.
  // eslint-disable-next-line no-restricted-syntax -- see above
  const now = options.now ?? (() => new Date());
  const { sink } = options;
  return (message, fields = {}) => {
    const time = now();
    write(toJsonLine(time, message, fields));
    if (!sink) return;
    try {
      // A copy: a caller that reuses its fields object must not change what was logged.
      sink.record({ time, message, fields: { ...fields } });
    } catch {
      // A sink never breaks the code that logs; sinks report their own failures.
    }
  };
}

/**
 * JSON for a log value: an Error becomes `{name, message}` (JSON.stringify gives `{}`), a bigint
 * its digits; a value JSON cannot hold (a cycle, a function) becomes a short note, never a throw.
 */
export function stringifyLogValue(value: unknown): string {
  try {
    return JSON.stringify(value, replaceLogValue) ?? String(value);
  } catch {
    return '"[unserialisable]"';
  }
}

function toJsonLine(time: Date, message: string, fields: Record<string, unknown>): string {
  // time and message first, as before, and not overwritten by a field of the same name.
  const record: Record<string, unknown> = { time: null, message: null, ...fields };
  record.time = time.toISOString();
  record.message = message;
  try {
    return JSON.stringify(record, replaceLogValue);
  } catch {
    return JSON.stringify({
      time: record.time,
      message,
      logError: 'fields could not be serialised',
    });
  }
}

function replaceLogValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
