import { Body1, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SandboxMessageDto } from '../../api/contract';
import { formatDateTime } from '../format';
import { AdaptiveCardView, type CardSubmission } from './adaptive-card-view';
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
});

/** One message the bot sent, as it would appear in its Teams conversation. */
export function BotMessageCard({ message }: { message: SandboxMessageDto }) {
  const styles = useStyles();
  const [submission, setSubmission] = useState<CardSubmission | null>(null);
  const sent = formatDateTime(message.sentAt);
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
        <AdaptiveCardView
          key={index}
          card={card}
          label={`Card ${index + 1} in the message to ${message.conversationLabel}`}
          onSubmit={setSubmission}
        />
      ))}
      {submission && <SubmissionPreview submission={submission} />}
    </Card>
  );
}
