import {
  Body1,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SandboxCardActionResSchema, type SandboxMessageDto } from '../../../api/contract';
import { useAppContext } from '../../app/app-context';
import { asRequestError } from '../../app/api-client';
import { formatDateTime } from '../../ui/format';
import {
  AdaptiveCardView,
  submissionData,
  type CardSubmission,
} from '../../ui/cards/adaptive-card-view';
import { SubmissionPreview } from './submission-preview';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  label: { margin: 0 },
  time: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  slot: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The last `Action.Execute` pressed on one of the message's cards, and how it went. */
type Execution =
  { index: number; status: 'sending' } | { index: number; status: 'failed'; message: string };

/**
 * One message the bot sent, as it would appear in its Teams conversation. `Action.Execute`
 * buttons run for real, as the signed-in demo user: the bot answers with the card as it is now
 * (shown in place) or with an error, shown under the card as Teams shows it.
 */
export function BotMessageCard({
  message,
  onChanged,
}: {
  message: SandboxMessageDto;
  /** The bot changed this message (or sent others): load the messages again. */
  onChanged?: () => void;
}) {
  const styles = useStyles();
  const { api, localUserId = '' } = useAppContext();
  const [replaced, setReplaced] = useState<ReadonlyMap<number, Record<string, unknown>>>(
    () => new Map(),
  );
  const [execution, setExecution] = useState<Execution | null>(null);
  const [preview, setPreview] = useState<CardSubmission | null>(null);
  const busy = useRef(false);
  const sent = formatDateTime(message.sentAt);

  // Once the stored message changes, it is the truth again.
  const stored = useMemo(() => JSON.stringify(message.cards), [message.cards]);
  useEffect(() => setReplaced(new Map()), [stored, message.updatedAt]);

  const execute = async (index: number, submission: CardSubmission) => {
    if (submission.kind !== 'Action.Execute' || !submission.verb) {
      setPreview(submission);
      return;
    }
    if (busy.current) return;
    busy.current = true;
    setPreview(null);
    setExecution({ index, status: 'sending' });
    try {
      const { data } = await api.post(
        '/api/local/sandbox/card-action',
        {
          userId: localUserId,
          sandboxMessageId: message.id,
          verb: submission.verb,
          data: submissionData(submission),
        },
        SandboxCardActionResSchema,
      );
      if (data.kind === 'card') {
        setReplaced((current) => new Map(current).set(index, data.card));
        setExecution(null);
        onChanged?.();
      } else {
        setExecution({ index, status: 'failed', message: data.message });
      }
    } catch (error) {
      setExecution({ index, status: 'failed', message: asRequestError(error).message });
    } finally {
      busy.current = false;
    }
  };

  return (
    <Card
      className={styles.card}
      role="listitem"
      aria-label={`${message.conversationLabel}, ${sent}`}
    >
      <div className={styles.header}>
        <Subtitle2 as="h3" className={styles.label}>
          {message.conversationLabel}
        </Subtitle2>
        <Caption1 className={styles.time}>
          <time dateTime={message.sentAt}>{sent}</time>
          {message.updatedAt && (
            <>
              {' · updated '}
              <time dateTime={message.updatedAt}>{formatDateTime(message.updatedAt)}</time>
            </>
          )}
        </Caption1>
      </div>
      {message.text && (
        <Body1 as="p" className={styles.text}>
          {message.text}
        </Body1>
      )}
      {message.cards.map((card, index) => (
        <div key={index} className={styles.slot}>
          <AdaptiveCardView
            card={replaced.get(index) ?? card}
            label={`Card ${index + 1} in the message to ${message.conversationLabel}`}
            onSubmit={(submission) => void execute(index, submission)}
          />
          <div aria-live="polite">
            {execution?.index === index && execution.status === 'sending' && (
              <Spinner size="tiny" label="Sending…" labelPosition="after" />
            )}
          </div>
          {execution?.index === index && execution.status === 'failed' && (
            <div role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{execution.message}</MessageBarBody>
              </MessageBar>
            </div>
          )}
        </div>
      ))}
      {preview && <SubmissionPreview submission={preview} />}
    </Card>
  );
}
