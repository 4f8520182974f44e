import {
  Avatar,
  Body1,
  Caption1,
  Card,
  Link,
  Spinner,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId } from 'react';
import {
  RoundResSchema,
  type CheckInAnswer,
  type ProgramKind,
  type RoundDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { formatDate } from '../../ui/format';
import { partnerNouns } from './programs';
import { hrefOf } from '../../app/routes';
import { useMutation } from '@tanstack/react-query';
import { SaveFeedback } from '../../ui/save-feedback';

const answers: readonly { value: CheckInAnswer; label: string; saved: string }[] = [
  { value: 'met', label: 'Met', saved: 'You met.' },
  { value: 'not_yet', label: 'Not yet', saved: 'You have not met yet.' },
  { value: 'skipped', label: 'Skipped', saved: 'You skipped this round.' },
];

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalM,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  when: { color: tokens.colorNeutralForeground2 },
  partners: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  partner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', flexDirection: 'column' },
  name: { margin: 0 },
  department: { color: tokens.colorNeutralForeground2 },
  reason: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '70ch',
  },
  checkIn: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  question: { ...typographyStyles.body1Strong, margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  saved: { color: tokens.colorNeutralForeground2 },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The caller's own group in a published round, and the "did you meet?" check-in. */
export function MyPartner({
  teamId,
  program,
  round,
  meId,
  onChange,
}: {
  teamId: string;
  program: ProgramKind;
  round: RoundDto;
  meId: string;
  onChange: (round: RoundDto) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const titleId = useId();
  const questionId = useId();
  const save = useMutation({
    mutationFn: async (answer: CheckInAnswer) =>
      (
        await api.put(
          teamPath(teamId, `/rounds/${encodeURIComponent(round.id)}/check-in`),
          { answer },
          RoundResSchema,
        )
      ).data,
    onSuccess: onChange,
  });
  const pending = save.isPending ? save.variables : null;
  const group = round.myGroup === null ? undefined : round.groups[round.myGroup];
  const partners = group?.members.filter((m) => m.id !== meId) ?? [];
  const nouns = partnerNouns[program];
  const title = partners.length > 1 ? nouns.many : nouns.one;
  const when = round.publishedAt ?? round.createdAt;

  if (!group || partners.length === 0) {
    const leftOut = round.unplaced.find((p) => p.id === meId);
    return (
      <Card className={styles.card} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.title}>
          {nouns.one}
        </h2>
        <Body1 as="p" className={styles.none}>
          {leftOut ? (
            <>You are not in this round: {leftOut.reason}</>
          ) : (
            <>
              You are not in this round. People who are paused, or have not switched on “Take part”,
              are left out; you can change both in <Link href={hrefOf('me')}>My profile</Link>.
            </>
          )}
        </Body1>
      </Card>
    );
  }

  const checkIn = (answer: CheckInAnswer) => {
    if (!save.isPending) save.mutate(answer);
  };

  const current = answers.find((a) => a.value === round.myCheckIn);
  return (
    <Card className={styles.card} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      <Caption1 className={styles.when}>Round of {formatDate(when)}</Caption1>
      <ul className={styles.partners} aria-label={title}>
        {partners.map((partner) => (
          <li key={partner.id} className={styles.partner}>
            <Avatar name={partner.name} size={48} color="colorful" aria-hidden="true" />
            <span className={styles.who}>
              <Subtitle2 as="h3" className={styles.name}>
                {partner.name}
              </Subtitle2>
              <Body1 className={styles.department}>{partner.department || 'No department'}</Body1>
            </span>
          </li>
        ))}
      </ul>
      <Body1 as="p" className={styles.reason}>
        {group.reason}
      </Body1>
      {round.can?.checkIn && (
        <div className={styles.checkIn} role="group" aria-labelledby={questionId}>
          <p id={questionId} className={styles.question}>
            Did you meet?
          </p>
          <div className={styles.buttons}>
            {answers.map((answer) => (
              <ToggleButton
                key={answer.value}
                checked={round.myCheckIn === answer.value}
                appearance={round.myCheckIn === answer.value ? 'primary' : 'secondary'}
                disabledFocusable={pending !== null}
                icon={
                  pending === answer.value ? <Spinner size="tiny" aria-hidden="true" /> : undefined
                }
                onClick={() => checkIn(answer.value)}
              >
                {answer.label}
              </ToggleButton>
            ))}
          </div>
          <Caption1 className={styles.saved}>
            {current
              ? `Saved: ${current.saved}`
              : 'Tell us once you have met, or if you could not.'}
          </Caption1>
        </div>
      )}
      {save.isError && (
        <SaveFeedback
          save={save}
          message=""
          successTitle=""
          failureTitle="Your answer was not saved"
        />
      )}
    </Card>
  );
}
