import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tag,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import {
  HelpActionReqSchema,
  helpActions,
  type HelpAction,
  type HelpRequestDto,
} from '../../../api/contract';
import { useAppContext } from '../../app/app-context';
import { formatDateTime, formatRelative, plural } from '../../ui/format';
import {
  MAX_STORY_LENGTH,
  actionLabels,
  isWebLink,
  roleLabels,
  statusLabels,
  urgencyLabels,
} from './help-board';
import { openInTeams } from '../../app/teams';
import type { HelpActionState } from './use-help-actions';
import { BusyButton } from '../../ui/save-feedback';
import { SummaryList } from '../../ui/summary-list';
import { TextDialog } from '../../ui/text-dialog';

const useStyles = makeStyles({
  card: {
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  // Overdue is said in words too (badge, due line): the stripe only helps the eye find it.
  overdue: {
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorStatusDangerBorder2,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  // A native heading (Subtitle2 takes no ref), with Subtitle2's type ramp.
  name: { ...typographyStyles.subtitle2, margin: 0, outline: 'none' },
  asked: { color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  blocker: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '75ch' },
  quote: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  quoteAuthor: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  quoteText: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 3,
    overflow: 'hidden',
  },
  skills: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  late: { color: tokens.colorStatusDangerForeground3, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

const urgencyColor = { low: 'informative', normal: 'brand', high: 'warning' } as const;
const statusColor = { open: 'brand', claimed: 'important', resolved: 'success' } as const;
const failedTitles: Record<HelpAction, string> = {
  claim: 'You could not claim it',
  release: 'It could not be released',
  resolve: 'It could not be marked resolved',
  thank: 'The thanks were not sent',
};

/** A moment as "3 hours ago", with the exact date and time for whoever wants it. */
function When({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

/** One help request on the board: who is blocked, on what, how long it has waited, who helps. */
export function HelpRequestCard({
  request,
  now,
  state,
  onAct,
  onDismiss,
}: {
  request: HelpRequestDto;
  /** The board's clock (ms), so every "2 hours ago" moves on together. */
  now: number;
  state: HelpActionState | undefined;
  onAct: (action: HelpAction, story?: string) => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const { mode } = useAppContext();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [thanking, setThanking] = useState(false);
  const { requester, helper, buddy, source } = request;
  const runningAction = state?.status === 'running' ? state.action : undefined;
  const settled = state !== undefined && state.status !== 'running';

  // A request that changes status moves to another section, and the button that had focus goes
  // with the old card: bring keyboard users back to the request.
  useEffect(() => {
    if (settled && (document.activeElement === document.body || !document.activeElement)) {
      headingRef.current?.focus();
    }
  }, [settled]);

  const openLink = (event: MouseEvent<HTMLAnchorElement>) => {
    if (mode !== 'teams') return;
    event.preventDefault();
    void openInTeams(source.link).catch(() => window.open(source.link, '_blank', 'noopener'));
  };

  const allowed = helpActions.filter((action) => request.can[action]);
  const primary: HelpAction | undefined = allowed.find((a) => a !== 'release');

  return (
    <Card
      role="listitem"
      aria-labelledby={titleId}
      className={mergeClasses(styles.card, request.overdue && styles.overdue)}
    >
      <div className={styles.top}>
        <Avatar name={requester.name} color="colorful" size={36} aria-hidden="true" />
        <div className={styles.who}>
          <h3 id={titleId} ref={headingRef} tabIndex={-1} className={styles.name}>
            {requester.name}
          </h3>
          <Caption1 className={styles.asked}>
            asked <When iso={request.createdAt} now={now} />
          </Caption1>
        </div>
      </div>
      <div className={styles.badges}>
        <Badge appearance="tint" color={statusColor[request.status]}>
          {statusLabels[request.status]}
        </Badge>
        {request.overdue && (
          <Badge appearance="filled" color="danger">
            Overdue
          </Badge>
        )}
        <Badge appearance="outline" color={urgencyColor[request.urgency]}>
          {urgencyLabels[request.urgency]}
        </Badge>
        {request.mine && (
          <Badge appearance="outline" color="informative">
            {roleLabels[request.mine]}
          </Badge>
        )}
      </div>

      <Body1 as="p" className={styles.blocker}>
        {request.blocker}
      </Body1>

      {(source.text || source.authorName) && (
        <blockquote className={styles.quote} aria-label={`From a message by ${source.authorName}`}>
          <Caption1 className={styles.quoteAuthor}>{source.authorName || 'Someone'} wrote</Caption1>
          <Body1 as="p" className={styles.quoteText} title={source.text}>
            {source.text || '(The message has no text.)'}
          </Body1>
        </blockquote>
      )}

      {request.skills.length > 0 && (
        <ul className={styles.skills} aria-label="Skills that would help">
          {request.skills.map((skill) => (
            <li key={skill}>
              <Tag size="small" appearance="brand" shape="circular">
                {skill}
              </Tag>
            </li>
          ))}
        </ul>
      )}

      <SummaryList
        label="Where this request stands"
        items={[
          { term: 'Due', value: <DueLine request={request} now={now} /> },
          {
            term: 'Helper',
            value: helper ? helper.name : <span className={styles.muted}>Nobody yet</span>,
          },
          ...(buddy ? [{ term: 'Blocker buddy', value: buddy.name }] : []),
          ...(request.firstResponseAt
            ? [{ term: 'First answer', value: <When iso={request.firstResponseAt} now={now} /> }]
            : []),
          ...(request.resolvedAt
            ? [{ term: 'Resolved', value: <When iso={request.resolvedAt} now={now} /> }]
            : []),
          ...(request.thankedAt
            ? [{ term: 'Thanked', value: <When iso={request.thankedAt} now={now} /> }]
            : []),
        ]}
      />

      {(allowed.length > 0 || isWebLink(source.link)) && (
        <div className={styles.actions}>
          {allowed.map((action) => (
            <BusyButton
              key={action}
              appearance={action === primary ? 'primary' : 'secondary'}
              busy={runningAction === action}
              busyLabel={actionLabels[action].busy}
              disabledFocusable={runningAction !== undefined && runningAction !== action}
              aria-describedby={titleId}
              onClick={() => (action === 'thank' ? setThanking(true) : onAct(action))}
            >
              {actionLabels[action].label}
            </BusyButton>
          ))}
          {isWebLink(source.link) && (
            <Link href={source.link} target="_blank" rel="noopener noreferrer" onClick={openLink}>
              Open message in Teams
            </Link>
          )}
        </div>
      )}

      {state?.status === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
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
        open={thanking}
        onOpenChange={setThanking}
        title={`Thank ${helper?.name ?? 'your helper'}`}
        label="What did the help make possible? (optional)"
        maxLength={MAX_STORY_LENGTH}
        validate={storyError}
        submitLabel="Send thanks"
        onSubmit={(story) => onAct('thank', story || undefined)}
      >
        {helper?.name ?? 'Your helper'} is told, and your words appear with the team’s kudos.
      </TextDialog>
    </Card>
  );
}

/** What the API would refuse in a thanks' story, checked before sending. */
function storyError(story: string): string | undefined {
  const parsed = HelpActionReqSchema.safeParse({ story });
  return parsed.success
    ? undefined
    : (parsed.error.issues[0]?.message ?? 'Check the story and try again.');
}

/** When an answer is due, and whether it is late, in words (not only in colour). */
function DueLine({ request, now }: { request: HelpRequestDto; now: number }) {
  const styles = useStyles();
  const commitment = `the compact asks for an answer within ${plural(request.responseHours, 'hour')}`;
  if (request.overdue) {
    return (
      <span>
        <span className={styles.late}>
          Overdue: it was due <When iso={request.dueAt} now={now} />
        </span>{' '}
        <span className={styles.muted}>({commitment})</span>
      </span>
    );
  }
  if (request.status === 'open' && request.firstResponseAt === null) {
    return (
      <span>
        An answer is due <When iso={request.dueAt} now={now} />{' '}
        <span className={styles.muted}>({commitment})</span>
      </span>
    );
  }
  return (
    <span className={styles.muted}>
      {formatDateTime(request.dueAt)} ({commitment})
    </span>
  );
}
