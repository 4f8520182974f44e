import {
  Body1,
  Caption1,
  Field,
  Link,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { RoundResSchema, type RoundDto } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';
import { plural } from '../../ui/format';
import { hrefOf } from '../../app/routes';

const POLL_MS = 1000;
/** After a failed poll, wait longer before the next one, up to this. */
const MAX_BACKOFF_MS = 8000;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  detail: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export const isSending = (round: RoundDto) =>
  round.status === 'published' &&
  round.progress !== null &&
  round.progress.sent + round.progress.failed < round.progress.total;

/** Owner: how many of a published round's notifications have gone out, polled until all have. */
export function PublishProgress({
  teamId,
  round,
  onChange,
}: {
  teamId: string;
  round: RoundDto;
  onChange: (round: RoundDto) => void;
}) {
  const styles = useStyles();
  const sending = isSending(round);
  // Consecutive failed polls: each one doubles the wait before the next, up to MAX_BACKOFF_MS.
  const failures = useRef(0);
  const poll = useApiQuery(
    teamKey(teamId, 'round', round.id),
    async (api, signal) =>
      (
        await api.get(
          teamPath(teamId, `/rounds/${encodeURIComponent(round.id)}`),
          RoundResSchema,
          signal,
        )
      ).data,
    {
      enabled: sending,
      // The round in hand is fresh: the first poll comes after one interval, as every later one.
      initialData: round,
      staleTime: POLL_MS,
      refetchInterval: (query) => {
        if (!isSending(query.state.data ?? round)) return false;
        failures.current = query.state.status === 'error' ? failures.current + 1 : 0;
        return Math.min(POLL_MS * 2 ** failures.current, MAX_BACKOFF_MS);
      },
    },
  );
  const pollFailed = poll.isRefetchError;
  const polled = poll.data;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    // Only a new answer is news: the round it came from is already where it belongs.
    if (polled && polled !== round) onChangeRef.current(polled);
  }, [polled, round]);

  const progress = round.progress;
  if (!progress) return null;
  const done = progress.sent + progress.failed;
  const value = progress.total === 0 ? 1 : done / progress.total;
  return (
    <section className={styles.box} aria-label="Publishing progress">
      <Field
        label={sending ? 'Telling everyone in this round…' : 'Everyone in this round was told'}
        validationState={sending ? 'none' : progress.failed > 0 ? 'warning' : 'success'}
        validationMessage={
          !sending && progress.failed === 0 ? 'Every notification was delivered.' : undefined
        }
      >
        <ProgressBar
          value={value}
          max={1}
          thickness="large"
          color={!sending && progress.failed > 0 ? 'warning' : sending ? 'brand' : 'success'}
        />
      </Field>
      <Body1 aria-live={sending ? 'off' : 'polite'}>
        Sent {progress.sent} of {progress.total}
      </Body1>
      {progress.failed > 0 && (
        <Caption1 className={styles.failed}>
          {plural(progress.failed, 'notification')} failed. Send them again from{' '}
          <Link href={hrefOf('settings')}>Settings</Link>, under notifications that could not be
          delivered.
        </Caption1>
      )}
      {pollFailed && (
        <Caption1 className={styles.detail}>
          The progress could not be refreshed just now; trying again.
        </Caption1>
      )}
    </section>
  );
}
