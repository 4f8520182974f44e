import { useCallback, useRef, useState } from 'react';
import { HelpRequestResSchema, type HelpAction, type HelpRequestDto } from '../../../api/contract';
import { teamPath, type ApiRequestError } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { asRequestError } from '../../ui/form-errors';
import { actionLabels } from './help-board';

/** Where one request's last button press is. */
export type HelpActionState =
  | { status: 'running'; action: HelpAction }
  | { status: 'done'; action: HelpAction; message: string }
  | { status: 'failed'; action: HelpAction; error: ApiRequestError };

export interface HelpActions {
  /** By request id. Kept here, not in the card: a card that changes status moves section. */
  states: ReadonlyMap<string, HelpActionState>;
  /** The latest outcome, worded for a screen reader's live region. */
  announcement: string;
  run(request: HelpRequestDto, action: HelpAction, story?: string): Promise<void>;
  dismiss(requestId: string): void;
}

/**
 * Claim, release, resolve and thank from the board: one press at a time per request; the answer
 * replaces the request through `onChange`, then `onSettled` reloads the board quietly.
 */
export function useHelpActions(
  teamId: string,
  onChange: (request: HelpRequestDto) => void,
  onSettled: () => void,
): HelpActions {
  const { api } = useAppContext();
  const [states, setStates] = useState<ReadonlyMap<string, HelpActionState>>(() => new Map());
  const [announcement, setAnnouncement] = useState('');
  const running = useRef(new Set<string>());

  const set = useCallback((id: string, state: HelpActionState | null) => {
    setStates((current) => {
      const next = new Map(current);
      if (state) next.set(id, state);
      else next.delete(id);
      return next;
    });
  }, []);

  const run = useCallback(
    async (request: HelpRequestDto, action: HelpAction, story?: string) => {
      const { id } = request;
      if (running.current.has(id)) return;
      running.current.add(id);
      set(id, { status: 'running', action });
      setAnnouncement('');
      try {
        const path = teamPath(
          teamId,
          `/help/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
        );
        const body = story ? { story } : {};
        const { data } = await api.post(path, body, HelpRequestResSchema);
        const message = actionLabels[action].done;
        set(id, { status: 'done', action, message });
        setAnnouncement(`${request.requester.name}’s request: ${message}`);
        onChange(data);
      } catch (error) {
        const failure = asRequestError(error);
        set(id, { status: 'failed', action, error: failure });
        setAnnouncement('');
      } finally {
        running.current.delete(id);
        // Someone else may have acted meanwhile (a 409 says so): show the board as it is now.
        onSettled();
      }
    },
    [api, teamId, onChange, onSettled, set],
  );

  const dismiss = useCallback((id: string) => set(id, null), [set]);
  return { states, announcement, run, dismiss };
}
