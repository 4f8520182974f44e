import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import {
  AcknowledgeResSchema,
  CompactReviewResSchema,
  ProposalResSchema,
  type CompactOverviewDto,
  type CompactReviewDto,
  type ProposalDto,
} from '../../../api/contract';
import { teamPath, type ApiRequestError } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { outcomeOf, type ProposalAction } from './compact';
import { compactKey, compactSettingsKey, withProposal } from './use-compact';
import { formatDay } from '../../ui/format';

/** Where one proposal's last button press is; a success becomes the section's notice instead. */
export type ProposalActionState =
  | { status: 'running'; action: ProposalAction }
  | { status: 'failed'; action: ProposalAction; error: ApiRequestError };

/** The latest success, shown (and announced) in the section it belongs to. */
interface CompactNotice {
  section: 'proposals' | 'review';
  text: string;
}

export interface ProposalReqBody {
  kind: ProposalDto['kind'];
  clauseId: string;
  text: string;
  commitmentHours: number | null;
  reason: string;
}

export interface ReviewReqBody {
  heldOn: string;
  participantIds: string[];
  note: string;
}

export interface CompactActions {
  /** By proposal id. Kept here, not in the card: a decided proposal moves to another list. */
  states: ReadonlyMap<string, ProposalActionState>;
  notice: CompactNotice | null;
  /** Endorse, object (with a comment), adopt, decline (with a reason) or withdraw. */
  act(proposal: ProposalDto, action: ProposalAction, text?: string): void;
  dismiss(proposalId: string): void;
  dismissNotice(): void;
  /** Sends a proposal; rejects with the server's error, for the form to show by its field. */
  propose(body: ProposalReqBody): Promise<ProposalDto>;
  acknowledge(version: number): Promise<{ version: number; at: string }>;
  recordReview(body: ReviewReqBody): Promise<CompactReviewDto>;
}

/**
 * The Compact page's actions. Each one sends the proposal's `revision` (what the person saw), and
 * its answer goes into the cached overview, so a success costs one request. A 409 loads the page
 * again, so the person sees the proposal as it is now beside the server's message; so does an
 * answer that changed more than it carries (an adoption makes a new version, a review moves the
 * next review day).
 */
export function useCompactActions(teamId: string): CompactActions {
  const { api } = useAppContext();
  const queryClient = useQueryClient();
  const [states, setStates] = useState<ReadonlyMap<string, ProposalActionState>>(() => new Map());
  const [notice, setNotice] = useState<CompactNotice | null>(null);
  const running = useRef(new Set<string>());

  const set = useCallback((id: string, state: ProposalActionState | null) => {
    setStates((current) => {
      const next = new Map(current);
      if (state) next.set(id, state);
      else next.delete(id);
      return next;
    });
  }, []);

  const update = useCallback(
    (change: (overview: CompactOverviewDto) => CompactOverviewDto) =>
      queryClient.setQueryData<CompactOverviewDto>(compactKey(teamId), (overview) =>
        overview ? change(overview) : overview,
      ),
    [queryClient, teamId],
  );
  const reload = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: compactKey(teamId) }),
    [queryClient, teamId],
  );
  const settle = useCallback(
    (proposal: ProposalDto) => {
      if (proposal.status === 'adopted') reload();
      else update((overview) => withProposal(overview, proposal));
    },
    [reload, update],
  );
  const reloadOnConflict = useCallback(
    (error: unknown) => {
      if ((error as ApiRequestError).code === 'conflict') reload();
      throw error;
    },
    [reload],
  );

  const { mutate } = useMutation({
    mutationFn: async (vars: { proposal: ProposalDto; action: ProposalAction; text: string }) => {
      const { proposal, action, text } = vars;
      const { revision } = proposal;
      const base = teamPath(teamId, `/compact/proposals/${encodeURIComponent(proposal.id)}`);
      const { data } =
        action === 'endorse' || action === 'object'
          ? await api.post(
              `${base}/stance`,
              { stance: action, comment: text, revision },
              ProposalResSchema,
            )
          : await api.post(`${base}/${action}`, { reason: text, revision }, ProposalResSchema);
      return data;
    },
    onMutate: ({ proposal, action }) => {
      set(proposal.id, { status: 'running', action });
      setNotice(null);
    },
    onSuccess: (data, { proposal, action }) => {
      set(proposal.id, null);
      setNotice({ section: 'proposals', text: outcomeOf(action, data) });
      settle(data);
    },
    onError: (error, { proposal, action }) => {
      set(proposal.id, { status: 'failed', action, error });
      if (error.code === 'conflict') reload();
    },
    onSettled: (_data, _error, { proposal }) => running.current.delete(proposal.id),
  });

  const act = useCallback(
    (proposal: ProposalDto, action: ProposalAction, text = '') => {
      if (running.current.has(proposal.id)) return;
      running.current.add(proposal.id);
      mutate({ proposal, action, text });
    },
    [mutate],
  );

  const propose = useCallback(
    async (body: ProposalReqBody) => {
      setNotice(null);
      const { data } = await api
        .post(teamPath(teamId, '/compact/proposals'), body, ProposalResSchema)
        .catch(reloadOnConflict);
      setNotice({
        section: 'proposals',
        text:
          data.status === 'adopted' && data.adoptedVersion !== null
            ? `Your proposal was adopted at once: the compact is now version ${data.adoptedVersion}.`
            : 'Your proposal is open: the team can endorse it or object.',
      });
      settle(data);
      return data;
    },
    [api, teamId, settle, reloadOnConflict],
  );

  const acknowledge = useCallback(
    async (version: number) => {
      // A 409 means a newer version was adopted meanwhile: show that one.
      const { data } = await api
        .post(teamPath(teamId, '/compact/acknowledge'), { version }, AcknowledgeResSchema)
        .catch(reloadOnConflict);
      update((overview) =>
        overview.current?.version === data.version
          ? {
              ...overview,
              myAcknowledgedAt: data.at,
              acknowledged: [
                ...overview.acknowledged.filter((a) => a.person.id !== overview.me.id),
                { person: overview.me, at: data.at },
              ],
              notAcknowledged: overview.notAcknowledged.filter((p) => p.id !== overview.me.id),
            }
          : overview,
      );
      return data;
    },
    [api, teamId, update, reloadOnConflict],
  );

  const recordReview = useCallback(
    async (body: ReviewReqBody) => {
      setNotice(null);
      const { data } = await api
        .post(teamPath(teamId, '/compact/reviews'), body, CompactReviewResSchema)
        .catch(reloadOnConflict);
      setNotice({
        section: 'review',
        text: `The review of ${formatDay(data.heldOn)} is recorded.`,
      });
      // The review moves the next review day, which the answer does not carry.
      reload();
      void queryClient.invalidateQueries({ queryKey: compactSettingsKey(teamId) });
      return data;
    },
    [api, teamId, queryClient, reload, reloadOnConflict],
  );

  const dismiss = useCallback((id: string) => set(id, null), [set]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { states, notice, act, dismiss, dismissNotice, propose, acknowledge, recordReview };
}
