import {
  Body1,
  Caption1,
  Field,
  Link,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { RoundResSchema, type RoundDto } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
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
  const { api } = useAppContext();
  const [pollFailed, setPollFailed] = useState(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const sending = isSending(round);

  useEffect(() => {
    if (!sending) return;
    const controller = new AbortController();
    let timer: number | undefined;
    let delay = POLL_MS;
    const poll = () => {
      api
        .get(
          teamPath(teamId, `/rounds/${encodeURIComponent(round.id)}`),
          RoundResSchema,
          controller.signal,
        )
        .then(
          ({ data }) => {
            if (controller.signal.aborted) return;
            setPollFailed(false);
            delay = POLL_MS;
            // A new round object re-runs this effect while sending; none is needed after.
            onChangeRef.current(data);
          },
          () => {
            if (controller.signal.aborted) return;
            setPollFailed(true);
            delay = Math.min(delay * 2, MAX_BACKOFF_MS);
            timer = window.setTimeout(poll, delay);
          },
        );
    };
    timer = window.setTimeout(poll, delay);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [api, teamId, round, sending]);

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
