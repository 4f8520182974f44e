import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CardSubmission } from '../../ui/cards/adaptive-card-view';

const useStyles = makeStyles({
  pre: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    maxHeight: '200px',
    overflowY: 'auto',
  },
});

/** Shows what a card button would have sent: the sandbox previews, it does not submit. */
export function SubmissionPreview({ submission }: { submission: CardSubmission }) {
  const styles = useStyles();
  const payload = {
    action: submission.kind,
    ...(submission.verb ? { verb: submission.verb } : {}),
    data: submission.data ?? {},
  };
  return (
    <div role="status" aria-live="polite">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Preview of what would be submitted</MessageBarTitle>
          {submission.title ? `“${submission.title}” would send:` : 'The button would send:'}
          <pre className={styles.pre}>{JSON.stringify(payload, null, 2)}</pre>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
