import type { RequestHandler } from 'express';
import { errorBody } from '../api/errors';

/** The names loopback goes by; a rebound DNS name points at 127.0.0.1 but is none of these. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface HostAllowListOptions {
  /** The port the server listens on, known once it listens. */
  port: () => number;
  /** The configured public URL (TAB_ENDPOINT), whose host is allowed too. */
  publicUrl?: string;
}

/**
 * Local mode mints an owner's token for anyone who asks, so it answers only requests addressed
 * to loopback by name: a DNS-rebinding page (evil.example resolved to 127.0.0.1) sends its own
 * name as `Host` and gets 421 on every route (tab, API, bot, sandbox), before anything runs.
 */
export function hostAllowList({ port, publicUrl }: HostAllowListOptions): RequestHandler {
  const configured = publicUrl ? new URL(publicUrl).host.toLowerCase() : undefined;
  return (req, res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const allowed =
      (configured !== undefined && host === configured) ||
      LOOPBACK_NAMES.some(
        (name) => host === `${name}:${port()}` || (port() === 80 && host === name),
      );
    if (allowed) {
      next();
      return;
    }
    res
      .status(421)
      .json(
        errorBody(
          'invalid',
          `Local mode answers only requests to localhost:${port()} (or 127.0.0.1, [::1]); ` +
            'open Mutual at that address.',
        ),
      );
  };
}
