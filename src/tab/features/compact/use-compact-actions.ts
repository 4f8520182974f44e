import { useCallback, useRef, useState } from 'react';
import {
  AcknowledgeResSchema,
  CompactReviewResSchema,
  ProposalResSchema,
  type CompactReviewDto,
  type ProposalDto,
} from '../../../api/contract';
import { teamPath, type ApiRequestError } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { outcomeOf, type ProposalAction } from './compact';
import { asRequestError } from '../../ui/form-errors';
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
  act(proposal: ProposalDto, action: ProposalAction, text?: string): Promise<void>;
  dismiss(proposalId: string): void;
  dismissNotice(): void;
  /** Sends a proposal; rejects with the server's error, for the form to show by its field. */
  propose(body: ProposalReqBody): Promise<ProposalDto>;
  acknowledge(version: number): Promise<{ version: number; at: string }>;
  recordReview(body: ReviewReqBody): Promise<CompactReviewDto>;
}

/**
 * The Compact page's actions. Each one sends the proposal's `revision` (what the person saw), and
 * every outcome, success or refusal, is followed by `onSettled`, which reloads the page's data:
 * after a 409 the person sees the proposal as it is now, beside the server's message.
 */
export function useCompactActions(teamId: string, onSettled: () => void): CompactActions {
  const { api } = useAppContext();
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

  const act = useCallback(
    async (proposal: ProposalDto, action: ProposalAction, text = '') => {
      const { id, revision } = proposal;
      if (running.current.has(id)) return;
      running.current.add(id);
      set(id, { status: 'running', action });
      setNotice(null);
      try {
        const base = teamPath(teamId, `/compact/proposals/${encodeURIComponent(id)}`);
        const { data } =
          action === 'endorse' || action === 'object'
            ? await api.post(
                `${base}/stance`,
                { stance: action, comment: text, revision },
                ProposalResSchema,
              )
            : await api.post(`${base}/${action}`, { reason: text, revision }, ProposalResSchema);
        set(id, null);
        setNotice({ section: 'proposals', text: outcomeOf(action, data) });
      } catch (error) {
        set(id, { status: 'failed', action, error: asRequestError(error) });
      } finally {
        running.current.delete(id);
        onSettled();
      }
    },
    [api, teamId, onSettled, set],
  );

  const propose = useCallback(
    async (body: ProposalReqBody) => {
      setNotice(null);
      const { data } = await api.post(
        teamPath(teamId, '/compact/proposals'),
        body,
        ProposalResSchema,
      );
      setNotice({
        section: 'proposals',
        text:
          data.status === 'adopted' && data.adoptedVersion !== null
            ? `Your proposal was adopted at once: the compact is now version ${data.adoptedVersion}.`
            : 'Your proposal is open: the team can endorse it or object.',
      });
      onSettled();
      return data;
    },
    [api, teamId, onSettled],
  );

  const acknowledge = useCallback(
    async (version: number) => {
      try {
        const path = teamPath(teamId, '/compact/acknowledge');
        return (await api.post(path, { version }, AcknowledgeResSchema)).data;
      } finally {
        // A 409 means a newer version was adopted meanwhile: show that one.
        onSettled();
      }
    },
    [api, teamId, onSettled],
  );

  const recordReview = useCallback(
    async (body: ReviewReqBody) => {
      setNotice(null);
      const { data } = await api.post(
        teamPath(teamId, '/compact/reviews'),
        body,
        CompactReviewResSchema,
      );
      setNotice({
        section: 'review',
        text: `The review of ${formatDay(data.heldOn)} is recorded.`,
      });
      onSettled();
      return data;
    },
    [api, teamId, onSettled],
  );

  const dismiss = useCallback((id: string) => set(id, null), [set]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { states, notice, act, dismiss, dismissNotice, propose, acknowledge, recordReview };
}
