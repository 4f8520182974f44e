import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CompactOverviewDto, ProposalDto } from '../../../api/contract';
import {
  MAX_COMMENT_LENGTH,
  MAX_REASON_LENGTH,
  actionLabels,
  failedTitles,
  kindLabels,
  proposalActions,
  statusLabels,
  type ProposalAction,
} from './compact';
import { formatDate, formatDateTime } from '../../ui/format';
import type { ProposalActionState } from './use-compact-actions';
import { CompactProposalText } from './compact-proposal-text';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { BusyButton } from '../../ui/save-feedback';
import { SummaryList } from '../../ui/summary-list';
import { TextDialog } from '../../ui/text-dialog';

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
  },
  title: { ...typographyStyles.subtitle2, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  reason: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxWidth: '70ch',
  },
  why: { fontWeight: tokens.fontWeightSemibold },
  stances: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  stanceGroup: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  stanceList: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  comment: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

const statusColor = {
  open: 'brand',
  adopted: 'success',
  declined: 'danger',
  withdrawn: 'informative',
} as const;

type Stance = ProposalDto['stances'][number];

/** One proposal: the change, why, who stands where, and what the reader may do about it. */
export function CompactProposalCard({
  proposal,
  rule,
  majority,
  state,
  onAct,
  onDismiss,
}: {
  proposal: ProposalDto;
  rule: CompactOverviewDto['settings']['adoptionRule'];
  majority: CompactOverviewDto['majority'];
  state: ProposalActionState | undefined;
  onAct: (action: ProposalAction, text?: string) => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const [asking, setAsking] = useState<ProposalAction | null>(null);
  const running = state?.status === 'running' ? state.action : undefined;
  const open = proposal.status === 'open';
  const endorsed = proposal.stances.filter((s) => s.stance === 'endorse');
  const objected = proposal.stances.filter((s) => s.stance === 'object');
  const allowed = proposalActions.filter((action) => proposal.can[action]);
  const close = (next: boolean) => {
    if (!next) setAsking(null);
  };

  return (
    <Card role="listitem" aria-labelledby={titleId} className={styles.card}>
      <div className={styles.top}>
        <h3 id={titleId} className={styles.title}>
          {kindLabels[proposal.kind]}, proposed by {proposal.proposedBy.name}
        </h3>
        <Badge appearance="tint" color={statusColor[proposal.status]}>
          {statusLabels[proposal.status]}
        </Badge>
        <Caption1 className={styles.muted}>
          <time dateTime={proposal.proposedAt} title={formatDateTime(proposal.proposedAt)}>
            {formatDate(proposal.proposedAt)}
          </time>
          , against version {proposal.baseVersion}
        </Caption1>
      </div>

      <CompactProposalText proposal={proposal} />

      <Body1 as="p" className={styles.reason}>
        <span className={styles.why}>Why: </span>
        {proposal.reason}
      </Body1>

      {open && proposal.outdated && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Out of date</MessageBarTitle>
            The clause changed since this was proposed, so it can no longer be adopted. Propose it
            again against the current text.
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.stances}>
        <StanceList title="Endorsed by" stances={endorsed} none="Nobody has endorsed it yet." />
        <StanceList title="Objections" stances={objected} none="No objections." />
      </div>

      {open && rule === 'majority' && (
        <div className={styles.progress}>
          <Caption1 id={`${titleId}-majority`}>
            Endorsements: {Math.min(proposal.endorsements, majority.needed)} of {majority.needed}{' '}
            needed ({majority.takingPart} members take part)
          </Caption1>
          <ProgressBar
            value={Math.min(proposal.endorsements, majority.needed)}
            max={Math.max(majority.needed, 1)}
            thickness="large"
            aria-labelledby={`${titleId}-majority`}
          />
        </div>
      )}

      {!open && (
        <SummaryList
          label="How it was decided"
          items={[
            {
              term: statusLabels[proposal.status],
              value: proposal.decidedAt
                ? `${formatDate(proposal.decidedAt)}${proposal.decidedBy ? ` by ${proposal.decidedBy.name}` : ' by a majority'}`
                : '—',
            },
            ...(proposal.adoptedVersion !== null
              ? [{ term: 'Adopted as', value: `version ${proposal.adoptedVersion}` }]
              : []),
            ...(proposal.decisionNote ? [{ term: 'Note', value: proposal.decisionNote }] : []),
          ]}
        />
      )}

      {open && proposal.myStance && (
        <Caption1 className={styles.muted}>
          {proposal.myStance === 'endorse' ? 'You endorsed it.' : 'You objected to it.'}
        </Caption1>
      )}

      {allowed.length > 0 && (
        <div className={styles.actions}>
          {allowed.map((action) => (
            <BusyButton
              key={action}
              appearance={action === 'adopt' || action === 'endorse' ? 'primary' : 'secondary'}
              busy={running === action}
              busyLabel={actionLabels[action].busy}
              disabledFocusable={running !== undefined && running !== action}
              aria-describedby={titleId}
              onClick={() => (action === 'endorse' ? onAct(action) : setAsking(action))}
            >
              {actionLabels[action].label}
            </BusyButton>
          ))}
        </div>
      )}

      {state?.status === 'failed' && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{failedTitles[state.action]}</MessageBarTitle>
              {state.error.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={onDismiss}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}

      <TextDialog
        open={asking === 'object'}
        onOpenChange={close}
        title="Object to this proposal"
        label="What do you object to?"
        maxLength={MAX_COMMENT_LENGTH}
        required="Say what you object to, so the proposer can answer it."
        submitLabel="Object"
        onSubmit={(comment) => onAct('object', comment)}
      >
        Your objection and comment are shown to the team beside the proposal.
      </TextDialog>
      <TextDialog
        open={asking === 'decline'}
        onOpenChange={close}
        title="Decline this proposal"
        label="Why is it declined?"
        maxLength={MAX_REASON_LENGTH}
        required="Say why it is declined, so the team knows."
        submitLabel="Decline"
        onSubmit={(reason) => onAct('decline', reason)}
      >
        The proposal is closed and the team sees your reason.
      </TextDialog>
      <TextDialog
        open={asking === 'withdraw'}
        onOpenChange={close}
        title="Withdraw your proposal"
        label="Why? (optional)"
        maxLength={MAX_REASON_LENGTH}
        submitLabel="Withdraw"
        onSubmit={(reason) => onAct('withdraw', reason)}
      >
        The proposal is closed; you can propose it again later.
      </TextDialog>
      <ConfirmDialog
        open={asking === 'adopt'}
        onOpenChange={close}
        title="Adopt this proposal?"
        confirmLabel="Adopt"
        cancelLabel="Cancel"
        onConfirm={() => onAct('adopt')}
      >
        The change becomes a new version of the compact, and every member is asked to commit to it.
      </ConfirmDialog>
    </Card>
  );
}

function StanceList({
  title,
  stances,
  none,
}: {
  title: string;
  stances: readonly Stance[];
  none: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.stanceGroup}>
      <Caption1 id={id} className={styles.why}>
        {title} ({stances.length})
      </Caption1>
      {stances.length === 0 ? (
        <Caption1 className={styles.muted}>{none}</Caption1>
      ) : (
        <ul className={styles.stanceList} aria-labelledby={id}>
          {stances.map((s) => (
            <li key={s.person.id}>
              {s.person.name}
              {s.comment && <span className={styles.comment}>: “{s.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
