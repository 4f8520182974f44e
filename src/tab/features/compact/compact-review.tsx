import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CompactOverviewDto, CompactReviewDto } from '../../../api/contract';
import { formatDate, formatDay, plural } from '../../ui/format';
import type { CompactActions } from './use-compact-actions';
import { CompactReviewDialog } from './compact-review-dialog';
import { PageSection } from '../../ui/page-layout';
import { SummaryList } from '../../ui/summary-list';

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  next: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  subtitle: { ...typographyStyles.subtitle2, margin: 0 },
  reviews: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  review: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
  },
  reviewTitle: { ...typographyStyles.body1Strong, margin: 0 },
  note: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '70ch' },
});

const everyMonths = (months: number) => (months === 1 ? 'every month' : `every ${months} months`);

/** The compact's regular review: when the next is due, the reviews held, and recording one. */
export function CompactReview({
  overview,
  actions,
}: {
  overview: CompactOverviewDto;
  actions: CompactActions;
}) {
  const styles = useStyles();
  const pastId = useId();
  const [recording, setRecording] = useState(false);
  const { settings, reviews, reviewOverdue, can, members } = overview;
  const notice = actions.notice?.section === 'review' ? actions.notice.text : undefined;

  return (
    <PageSection title="Review">
      <Card className={styles.card} aria-label="Compact review">
        <Body1 as="p" className={styles.muted} style={{ margin: 0 }}>
          The team reads the compact together {everyMonths(settings.reviewEveryMonths)} and decides
          what to keep and what to change. Mutual reminds the team channel and the Culture Guardian
          a week before and on the day.
        </Body1>
        <SummaryList
          label="Next review"
          items={[
            {
              term: 'Next review',
              value: (
                <span className={styles.next}>
                  {formatDay(settings.nextReviewOn)}
                  {reviewOverdue && (
                    <Badge appearance="filled" color="danger">
                      Overdue
                    </Badge>
                  )}
                </span>
              ),
            },
            { term: 'Held', value: everyMonths(settings.reviewEveryMonths) },
            { term: 'Reminders', value: `9:00 in ${settings.reviewTimeZone}` },
          ]}
        />
        {reviewOverdue && (
          <Caption1 className={styles.muted}>
            The review day has passed and no review has been recorded since.
          </Caption1>
        )}
        {can.recordReview && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => setRecording(true)}>
              Record a review
            </Button>
            <Caption1 className={styles.muted}>
              Team owners and the Culture Guardian record reviews.
            </Caption1>
          </div>
        )}
        <div aria-live="polite">
          {notice && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="transparent" onClick={actions.dismissNotice}>
                  Dismiss
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>

        <section aria-labelledby={pastId}>
          <h3 id={pastId} className={styles.subtitle}>
            Past reviews
          </h3>
          {reviews.length === 0 ? (
            <Caption1 className={styles.muted}>No review has been recorded yet.</Caption1>
          ) : (
            <ol className={styles.reviews} aria-label="Past reviews, latest first">
              {reviews.map((review) => (
                <PastReview key={review.id} review={review} />
              ))}
            </ol>
          )}
        </section>
      </Card>
      <CompactReviewDialog
        open={recording}
        onOpenChange={setRecording}
        members={members}
        recordReview={actions.recordReview}
      />
    </PageSection>
  );
}

function PastReview({ review }: { review: CompactReviewDto }) {
  const styles = useStyles();
  const versions = review.adoptedVersions;
  return (
    <li className={styles.review}>
      <p className={styles.reviewTitle}>Review of {formatDay(review.heldOn)}</p>
      <Caption1>
        {review.participants.length === 0
          ? 'Nobody was recorded as taking part.'
          : `Took part (${review.participants.length}): ${review.participants.map((p) => p.name).join(', ')}`}
      </Caption1>
      <Caption1 className={styles.muted}>
        {versions.length === 0
          ? 'No change adopted since the review before.'
          : `Adopted since the review before: ${plural(versions.length, 'version')} (${versions.map((v) => `v${v}`).join(', ')})`}
      </Caption1>
      {review.note && (
        <Body1 as="p" className={styles.note}>
          {review.note}
        </Body1>
      )}
      <Caption1 className={styles.muted}>
        Recorded by {review.recordedBy.name} on {formatDate(review.recordedAt)}
      </Caption1>
    </li>
  );
}
