import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError, type ApiClient } from './api-client';
import { useAppContext } from './app-context';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiRequestError }
  | { status: 'ready'; data: T; refreshing: boolean; refreshError?: ApiRequestError };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again; `quiet` keeps showing the current data while it does (polling, refresh). */
  reload(options?: { quiet?: boolean }): void;
}

type Loader<T> = (api: ApiClient, signal: AbortSignal) => Promise<T>;

/** Loads data from the API, reloading when `key` changes; the latest request always wins. */
export function useResource<T>(key: string, load: Loader<T>): ResourceHandle<T> {
  const { api } = useAppContext();
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const current = useRef<AbortController | null>(null);

  const run = useCallback(
    (quiet: boolean) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setResource((previous) =>
        quiet && previous.status === 'ready'
          ? { ...previous, refreshing: true }
          : { status: 'loading' },
      );
      loadRef.current(api, controller.signal).then(
        (data) => {
          if (!controller.signal.aborted) setResource({ status: 'ready', data, refreshing: false });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const failure = asApiError(error);
          setResource((previous) =>
            quiet && previous.status === 'ready'
              ? { ...previous, refreshing: false, refreshError: failure }
              : { status: 'error', error: failure },
          );
        },
      );
    },
    [api],
  );

  useEffect(() => {
    run(false);
    return () => current.current?.abort();
  }, [run, key]);

  const reload = useCallback(
    (options?: { quiet?: boolean }) => run(options?.quiet ?? false),
    [run],
  );
  return { resource, reload };
}

function asApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiRequestError(`Something went wrong in the tab: ${message}`, {
    code: 'internal',
    status: 0,
  });
}
