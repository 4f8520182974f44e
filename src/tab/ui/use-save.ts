import { useCallback, useRef, useState } from 'react';
import type { ApiRequestError } from '../app/api-client';
import { asRequestError } from './form-errors';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; message: string }
  | { status: 'failed'; error: ApiRequestError };

export interface SaveHandle {
  state: SaveState;
  /**
   * Runs `work` unless a save is already running; `done` words the success from its result.
   * Resolves to the result, or undefined when it failed (the error is in `state`).
   */
  run<T>(work: () => Promise<T>, done: (result: T) => string): Promise<T | undefined>;
  fail(error: ApiRequestError): void;
  reset(): void;
}

/** One save action's progress and outcome, for a form's Save button and its message. */
export function useSave(): SaveHandle {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(
    async <T>(work: () => Promise<T>, done: (result: T) => string): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState({ status: 'saving' });
      try {
        const result = await work();
        setState({ status: 'saved', message: done(result) });
        return result;
      } catch (error) {
        setState({ status: 'failed', error: asRequestError(error) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [],
  );
  const fail = useCallback((error: ApiRequestError) => setState({ status: 'failed', error }), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, fail, reset };
}

export const failureOf = (state: SaveState) =>
  state.status === 'failed' ? state.error : undefined;
