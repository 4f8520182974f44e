import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { HelpRequestResSchema, type HelpAction, type HelpRequestDto } from '../../../api/contract';
import { teamPath, type ApiRequestError } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { actionLabels } from './help-board';
import { helpBoardKey, withRequest, type HelpBoard } from './use-help-board';

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
  run(request: HelpRequestDto, action: HelpAction, story?: string): void;
  dismiss(requestId: string): void;
}

interface HelpActionVars {
  request: HelpRequestDto;
  action: HelpAction;
  story: string | undefined;
}

/**
 * Claim, release, resolve and thank from the board: one press at a time per request. The answer
 * replaces the request in the cached board, so a success costs one request; only a conflict
 * (someone else acted meanwhile) loads the board again.
 */
export function useHelpActions(teamId: string): HelpActions {
  const { api } = useAppContext();
  const queryClient = useQueryClient();
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

  const { mutate } = useMutation({
    mutationFn: async ({ request, action, story }: HelpActionVars) => {
      const path = teamPath(
        teamId,
        `/help/${encodeURIComponent(request.id)}/${encodeURIComponent(action)}`,
      );
      return (await api.post(path, story ? { story } : {}, HelpRequestResSchema)).data;
    },
    onMutate: ({ request, action }) => {
      set(request.id, { status: 'running', action });
      setAnnouncement('');
    },
    onSuccess: (data, { request, action }) => {
      queryClient.setQueryData<HelpBoard>(helpBoardKey(teamId), (board) =>
        board ? withRequest(board, data) : board,
      );
      const message = actionLabels[action].done;
      set(request.id, { status: 'done', action, message });
      setAnnouncement(`${request.requester.name}’s request: ${message}`);
    },
    onSettled: (_data, _error, { request }) => running.current.delete(request.id),
    onError: (error, { request, action }) => {
      set(request.id, { status: 'failed', action, error });
      if (error.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: helpBoardKey(teamId) });
      }
    },
  });

  const run = useCallback(
    (request: HelpRequestDto, action: HelpAction, story?: string) => {
      if (running.current.has(request.id)) return;
      running.current.add(request.id);
      mutate({ request, action, story });
    },
    [mutate],
  );

  const dismiss = useCallback((id: string) => set(id, null), [set]);
  return { states, announcement, run, dismiss };
}
