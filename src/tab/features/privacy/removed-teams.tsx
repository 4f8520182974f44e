import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { TeamDataRemovalResSchema, type MeDto } from '../../../api/contract';
import { ApiRequestError, asRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { fieldOf, fieldProps } from '../../ui/form-errors';
import { FormDialog } from '../../ui/form-dialog';
import { PageSection } from '../../ui/page-layout';
import { stackedList } from '../../ui/list-styles';

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS, '720px'),
  team: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flexGrow: 1 },
  text: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  danger: { color: tokens.colorStatusDangerForeground1 },
});

type RemovedTeam = MeDto['removedTeams'][number];

/** A removed team's name as the page shows it (a removal that stopped half-way lost it). */
const shownName = (team: RemovedTeam) => team.name || 'A team whose removal did not finish';

/**
 * For an owner: the teams Mutual was uninstalled from, whose stored data they can remove. The team
 * tab goes with the app, so this lives on My profile, which the personal tab also shows. Nothing
 * at all when there are none (and no removal to report).
 */
export function RemovedTeams({
  teams,
  onRemoved,
}: {
  teams: MeDto['removedTeams'];
  onRemoved: () => void;
}) {
  const styles = useStyles();
  const [removing, setRemoving] = useState<RemovedTeam | null>(null);
  const [removed, setRemoved] = useState<{ name: string; rows: number } | null>(null);

  if (teams.length === 0 && !removed) return null;
  return (
    <PageSection title="Teams Mutual was removed from">
      {teams.length > 0 && (
        <Body1 as="p" className={styles.text}>
          Mutual was removed from these teams, and you are an owner of each. What it stored for them
          (profiles, rounds, help requests, kudos, the compact and its history) stays until an owner
          removes it here.
        </Body1>
      )}
      {removed && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Removed</MessageBarTitle>
            Mutual’s data for {removed.name} is gone ({removed.rows} records).
          </MessageBarBody>
        </MessageBar>
      )}
      {teams.length > 0 && (
        <ul className={styles.list} aria-label="Teams Mutual was removed from">
          {teams.map((team) => (
            <li key={team.id} className={styles.team}>
              <Body1 className={styles.name}>{shownName(team)}</Body1>
              <Button
                className={styles.danger}
                aria-label={`Remove the data of ${shownName(team)}`}
                onClick={() => setRemoving(team)}
              >
                Remove its data
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <RemoveTeamDialog
          team={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(rows) => {
            setRemoved({ name: shownName(removing), rows });
            setRemoving(null);
            onRemoved();
          }}
        />
      )}
    </PageSection>
  );
}

function RemoveTeamDialog({
  team,
  onClose,
  onRemoved,
}: {
  team: RemovedTeam;
  onClose: () => void;
  onRemoved: (rows: number) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);

  const submit = async () => {
    if (team.name && confirm.trim() === '') {
      setFailure(
        new ApiRequestError('Type the team’s name to confirm.', {
          code: 'invalid',
          status: 400,
          field: 'confirm',
        }),
      );
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { data } = await api.request(teamPath(team.id, '/data'), TeamDataRemovalResSchema, {
        method: 'DELETE',
        body: { confirm: team.name ? confirm : '-' },
      });
      onRemoved(data.removedRows);
    } catch (error) {
      setFailure(asRequestError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Remove the data of ${shownName(team)}?`}
      submitLabel="Remove its data"
      busy={busy}
      busyLabel="Removing…"
      failureTitle="The data could not be removed"
      failure={failure && fieldOf(failure) !== 'confirm' ? failure : undefined}
      onSubmit={() => void submit()}
    >
      <Body1 as="p" className={styles.text}>
        Everything Mutual stored for this team goes, for every member: profiles, rounds and
        check-ins, help requests, kudos, the compact with its versions and reviews, and the
        notifications sent. This cannot be undone. Messages already posted in Teams stay there.
      </Body1>
      {team.name && (
        <Field
          label={`Type “${team.name}” to confirm`}
          required
          {...fieldProps(failure, 'confirm')}
        >
          <Input value={confirm} onChange={(_e, data) => setConfirm(data.value)} />
        </Field>
      )}
    </FormDialog>
  );
}
