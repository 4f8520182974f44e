import { useQueryClient } from '@tanstack/react-query';
import {
  Body1,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import {
  DeadLetterActionResSchema,
  DeadLettersResSchema,
  type DeadLetterDto,
} from '../../../api/contract';
import { ApiRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { formatDateTime } from '../../ui/format';
import { teamKey, useApiQuery } from '../../app/team-query';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageSection } from '../../ui/page-layout';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';

type Action = 'retry' | 'discard';

interface Outcome {
  intent: 'success' | 'warning' | 'error';
  title: string;
  message: string;
}

/** `…/dead-letters[/:notificationId]`; ids hold `:`, `@` and `~`, so each is percent-encoded. */
const deadLettersPath = (teamId: string, notificationId?: string) =>
  teamPath(
    teamId,
    notificationId === undefined
      ? '/dead-letters'
      : `/dead-letters/${encodeURIComponent(notificationId)}`,
  );

const useStyles = makeStyles({
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  scroll: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { tableLayout: 'auto', minWidth: '760px' },
  caption: {
    captionSide: 'top',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  text: { overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalS },
  number: { fontVariantNumeric: 'tabular-nums' },
  when: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  actionsHeader: { width: '1%' },
});

/** Owner-only: notifications Mutual gave up on, to send again or discard. */
export function UndeliveredNotifications({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const { api } = useAppContext();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const letters = useApiQuery(teamKey(teamId, 'dead-letters'), async (client, signal) => {
    return (await client.get(deadLettersPath(teamId), DeadLettersResSchema, signal)).data;
  });
  const queryClient = useQueryClient();
  const key = teamKey(teamId, 'dead-letters');
  const data = letters.data;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<{ letter: DeadLetterDto; open: boolean } | null>(
    null,
  );

  const act = useCallback(
    (action: Action, letter: DeadLetterDto) => {
      const id = letter.notificationId;
      setOutcome(null);
      // The row leaves the cached list at once; a refusal puts the list back as it was.
      const before = queryClient.getQueryData<DeadLetterDto[]>(key);
      queryClient.setQueryData<DeadLetterDto[]>(key, (list) =>
        list?.filter((l) => l.notificationId !== id),
      );
      // The row, and the button that had focus, go away: keep the keyboard user in this section.
      requestAnimationFrame(() => headingRef.current?.focus());
      const request =
        action === 'retry'
          ? api.request(`${deadLettersPath(teamId, id)}/retry`, DeadLetterActionResSchema, {
              method: 'POST',
            })
          : api.delete(deadLettersPath(teamId, id), DeadLetterActionResSchema);
      request.then(
        () =>
          setOutcome(
            action === 'retry'
              ? {
                  intent: 'success',
                  title: 'Queued to send again',
                  message: `“${letter.summary}” to ${letter.recipient}.`,
                }
              : {
                  intent: 'success',
                  title: 'Discarded',
                  message: `“${letter.summary}” to ${letter.recipient} will not be sent.`,
                },
          ),
        (error: unknown) => {
          if (error instanceof ApiRequestError && error.code === 'not_found') {
            // Someone else retried or discarded it first: say so, and show the list as it is now.
            setOutcome({ intent: 'warning', title: 'Already handled', message: error.message });
            void queryClient.invalidateQueries({ queryKey: key });
            return;
          }
          queryClient.setQueryData(key, before);
          setOutcome({
            intent: 'error',
            title:
              action === 'retry'
                ? 'The notification could not be sent again'
                : 'The notification could not be discarded',
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
    },
    [api, teamId, queryClient, key],
  );

  const refresh = () => void letters.refetch();
  const refreshing = letters.isFetching && data !== undefined;
  const refreshError = letters.isRefetchError ? letters.error : undefined;
  const visible = data;

  return (
    <PageSection
      title="Notifications that could not be delivered"
      headingRef={headingRef}
      extra={
        visible && (
          <>
            <CounterBadge
              count={visible.length}
              showZero
              appearance="ghost"
              color={visible.length > 0 ? 'danger' : 'informative'}
              aria-label={`${visible.length} undelivered`}
            />
            <Button size="small" onClick={refresh} disabled={refreshing}>
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </Button>
          </>
        )
      }
    >
      <Body1 as="p" className={styles.hint}>
        Only team owners see this list. When Teams keeps refusing a notification, Mutual stops
        trying and keeps it here: send it again once the problem is fixed, or discard it.
      </Body1>
      <div aria-live="polite">
        {outcome && outcome.intent !== 'error' && (
          <OutcomeBar outcome={outcome} onDismiss={() => setOutcome(null)} />
        )}
      </div>
      {outcome?.intent === 'error' && (
        <div role="alert">
          <OutcomeBar outcome={outcome} onDismiss={() => setOutcome(null)} />
        </div>
      )}
      {refreshError && (
        <ErrorState
          title="The list could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <QueryView
        query={letters}
        loadingLabel="Loading undelivered notifications…"
        errorTitle="Undelivered notifications could not be loaded"
      >
        {() =>
          !visible || visible.length === 0 ? (
            <EmptyState title="Every notification was delivered.">
              Nothing is waiting for you to send again or discard.
            </EmptyState>
          ) : (
            <DeadLetterTable
              letters={visible}
              onRetry={(letter) => act('retry', letter)}
              onDiscard={(letter) => setConfirming({ letter, open: true })}
            />
          )
        }
      </QueryView>
      <ConfirmDialog
        open={confirming?.open ?? false}
        // Closing keeps the letter, so the dialog's words stay while it fades out.
        onOpenChange={(open) => {
          if (!open) setConfirming((current) => current && { ...current, open: false });
        }}
        title="Discard this notification?"
        confirmLabel="Discard"
        cancelLabel="Keep it"
        onConfirm={() => {
          if (confirming) act('discard', confirming.letter);
        }}
      >
        {confirming &&
          `“${confirming.letter.summary}” to ${confirming.letter.recipient} will not be sent. This cannot be undone.`}
      </ConfirmDialog>
    </PageSection>
  );
}

function OutcomeBar({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  return (
    <MessageBar intent={outcome.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A grid: Tab enters it once, the arrow keys move between cells and their buttons. */
function DeadLetterTable({
  letters,
  onRetry,
  onDiscard,
}: {
  letters: readonly DeadLetterDto[];
  onRetry: (letter: DeadLetterDto) => void;
  onDiscard: (letter: DeadLetterDto) => void;
}) {
  const styles = useStyles();
  const navigation = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  return (
    <div className={styles.scroll}>
      <Table {...navigation} role="grid" className={styles.table}>
        <caption className={styles.caption}>
          Undelivered notifications, newest first. Use the arrow keys to move between cells.
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Recipient</TableHeaderCell>
            <TableHeaderCell>What it was</TableHeaderCell>
            <TableHeaderCell>Why it failed</TableHeaderCell>
            <TableHeaderCell>Attempts</TableHeaderCell>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell className={styles.actionsHeader}>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {letters.map((letter) => {
            const about = `“${letter.summary}” to ${letter.recipient}`;
            return (
              <TableRow key={letter.notificationId}>
                <TableCell tabIndex={0} role="gridcell" className={styles.text}>
                  {letter.recipient}
                </TableCell>
                <TableCell tabIndex={0} role="gridcell" className={styles.text}>
                  {letter.summary}
                </TableCell>
                <TableCell tabIndex={0} role="gridcell" className={styles.text}>
                  {letter.reason}
                </TableCell>
                <TableCell tabIndex={0} role="gridcell" className={styles.number}>
                  {letter.attempts}
                </TableCell>
                <TableCell tabIndex={0} role="gridcell" className={styles.when}>
                  <time dateTime={letter.failedAt}>{formatDateTime(letter.failedAt)}</time>
                </TableCell>
                <TableCell role="gridcell">
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={`Retry ${about}`}
                      onClick={() => onRetry(letter)}
                    >
                      Retry
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Discard ${about}`}
                      onClick={() => onDiscard(letter)}
                    >
                      Discard
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
