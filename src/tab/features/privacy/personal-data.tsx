import { Body1, Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  PersonalDataDeletionResSchema,
  PersonalDataResSchema,
  type PersonalDataDeletionDto,
  type PersonalDataDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { BusyButton, SaveFeedback } from '../../ui/save-feedback';

const useStyles = makeStyles({
  card: {
    maxWidth: '720px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalM,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  // Foreground3: Foreground1 is 4.2:1 on the dark theme's background, under WCAG AA's 4.5:1.
  danger: { color: tokens.colorStatusDangerForeground3 },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM}`,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  heading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/** `mutual-data-<team>-<day>.json`, as the server names the same download. */
function fileNameOf(data: PersonalDataDto): string {
  const slug =
    data.team.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'team';
  return `mutual-data-${slug}-${data.exportedAt.slice(0, 10)}.json`;
}

/** Hands the browser a file to save. (The API needs the bearer token, so a plain link cannot.) */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after `click` returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Your data" on My profile: download everything Mutual stores about you in this team, or delete
 * it after a dialog that says what goes and what stays.
 */
export function PersonalData({
  teamId,
  teamName,
  onDeleted,
}: {
  teamId: string;
  teamName: string;
  onDeleted: (result: PersonalDataDeletionDto) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const [confirming, setConfirming] = useState(false);
  const path = teamPath(teamId, '/me/data');
  // A download is read once, for the file, and never cached: it is an action, not page data.
  const download = useMutation({
    mutationFn: async () => {
      const { data } = await api.get(path, PersonalDataResSchema);
      const name = fileNameOf(data);
      saveFile(name, `${JSON.stringify(data, null, 2)}\n`);
      return name;
    },
  });
  const removal = useMutation({
    mutationFn: async () =>
      (
        await api.request(path, PersonalDataDeletionResSchema, {
          method: 'DELETE',
          body: { confirm: 'delete' },
        })
      ).data,
    onSuccess: onDeleted,
  });

  const downloadData = () => {
    removal.reset();
    if (!download.isPending) download.mutate();
  };

  const deleteData = () => {
    download.reset();
    if (!removal.isPending) removal.mutate();
  };

  return (
    <Card className={styles.card} aria-label="Your data">
      <Body1 as="p" className={styles.text}>
        See everything Mutual stores about you in {teamName} as a file: your profile, the rounds you
        were in, your check-ins, help requests, kudos, compact proposals, stances and
        acknowledgements, and the notifications sent to you. Anonymous pulse answers are never
        linked to you, so they are not in it.
      </Body1>
      <div className={styles.actions}>
        <BusyButton
          appearance="primary"
          busy={download.isPending}
          busyLabel="Preparing your data…"
          onClick={downloadData}
        >
          Download my data
        </BusyButton>
        <BusyButton
          className={styles.danger}
          busy={removal.isPending}
          busyLabel="Deleting your data…"
          onClick={() => setConfirming(true)}
        >
          Delete my data
        </BusyButton>
      </div>
      <Caption1 className={styles.text}>
        Deleting takes you out of Mutual in this team. If you are still in the team in Teams, Mutual
        adds you back as a new member, not taking part, the next time it reads the roster.
      </Caption1>
      <SaveFeedback
        save={download}
        message={download.data ? `Your browser saves it as ${download.data}.` : ''}
        failureTitle="Your data could not be downloaded"
        successTitle="Download ready"
      />
      <SaveFeedback
        save={removal}
        message="Your data was deleted."
        failureTitle="Your data could not be deleted"
        successTitle="Deleted"
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete your data in ${teamName}?`}
        confirmLabel="Delete my data"
        cancelLabel="Keep my data"
        onConfirm={deleteData}
      >
        <Body1 as="p" className={styles.heading}>
          Deleted
        </Body1>
        <ul className={styles.list}>
          <li>Your profile: department, skills, whether you take part, pauses and quiet hours.</li>
          <li>
            Your name and email in Mutual. If you are still in the team, Teams gives them back the
            next time Mutual reads the team’s roster.
          </li>
          <li>Your check-ins, compact acknowledgements, and stances and comments on proposals.</li>
          <li>
            The text of your help requests and the messages you quoted in them. A request of yours
            nobody has resolved yet is withdrawn; one you are helping with goes back to the team.
          </li>
          <li>What you wrote in kudos you gave.</li>
          <li>
            Mutual’s record of the notifications sent to you and of its chat with you (messages
            already in Teams stay there).
          </li>
        </ul>
        <Body1 as="p" className={styles.heading}>
          Kept, without your name
        </Body1>
        <ul className={styles.list}>
          <li>
            The rounds you were in and who helped whom, so your teammates’ history and the team’s
            response times still add up.
          </li>
          <li>Proposals you made, shown as from a former member: the team decided on them.</li>
          <li>Kudos others gave you, and reviews you took part in.</li>
        </ul>
        <Body1 as="p" className={styles.text}>
          This cannot be undone. You will no longer be paired or asked for help in this team.
        </Body1>
      </ConfirmDialog>
    </Card>
  );
}
