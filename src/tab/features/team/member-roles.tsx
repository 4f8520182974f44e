import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  MemberRoleResSchema,
  MemberRolesResSchema,
  type MemberRoleDto,
} from '../../../api/contract';
import { asRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { teamKey, useApiQuery } from '../../app/team-query';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageSection } from '../../ui/page-layout';
import { QueryView } from '../../ui/state-views';
import { stackedList } from '../../ui/list-styles';

const useStyles = makeStyles({
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  list: stackedList(tokens.spacingVerticalXS, '720px'),
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flexGrow: 1 },
});

/** How an owner became one, in the words the page uses. */
const GRANT_LABELS: Record<NonNullable<MemberRoleDto['ownerGrant']>, string> = {
  'first-installer': 'added Mutual first',
  promoted: 'promoted by an owner',
  'teams-owner': 'a Teams owner',
  legacy: 'owner from before',
};

type Change = { member: MemberRoleDto; role: 'owner' | 'member' };

/**
 * Who is an owner in Mutual. Nothing Teams sends makes anyone an owner: the first person to add
 * Mutual is, owners promote and demote here, and Teams' own owners are. Each button is shown as
 * the server's `can` allows; the last owner cannot be demoted.
 */
export function MemberRoles({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const { api } = useAppContext();
  const queryClient = useQueryClient();
  const key = teamKey(teamId, 'roles');
  const roles = useApiQuery(key, async (client, signal) => {
    return (await client.get(teamPath(teamId, '/roles'), MemberRolesResSchema, signal)).data;
  });
  const [asking, setAsking] = useState<Change | null>(null);
  const [done, setDone] = useState<string>('');

  const change = useMutation({
    mutationFn: async ({ member, role }: Change) =>
      (await api.put(teamPath(teamId, `/roles/${member.id}`), { role }, MemberRoleResSchema)).data,
    onSuccess: async (answer) => {
      setDone(
        answer.role === 'owner'
          ? `${answer.name} is an owner now.`
          : `${answer.name} is a member now, no longer an owner.`,
      );
      // One change moves every row's `can` (the last-owner rule) and perhaps my own role.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: teamKey(teamId, 'summary') }),
      ]);
    },
  });
  const failure = change.error ? asRequestError(change.error) : null;

  return (
    <PageSection title="Owners">
      <Body1 as="p" className={styles.hint}>
        Owners manage settings and can remove the team’s data once Mutual is removed from the team.
        The person who first added Mutual is an owner, and so are the team’s owners in Teams; owners
        promote and demote others here. Adding or upgrading the app makes nobody an owner.
      </Body1>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The role was not changed</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <QueryView
        query={roles}
        loadingLabel="Loading the members…"
        errorTitle="The members could not be loaded"
      >
        {(members) => (
          <ul className={styles.list} aria-label="Members and their roles">
            {members.map((member) => (
              <li key={member.id} className={styles.row}>
                <Body1 className={styles.name}>{member.name}</Body1>
                {member.role === 'owner' ? (
                  <Badge appearance="tint" color="brand">
                    Owner{member.ownerGrant ? ` · ${GRANT_LABELS[member.ownerGrant]}` : ''}
                  </Badge>
                ) : (
                  <Badge appearance="outline" color="informative">
                    Member
                  </Badge>
                )}
                {member.can.promote && (
                  <Button
                    aria-label={`Make ${member.name} an owner`}
                    disabled={change.isPending}
                    onClick={() => setAsking({ member, role: 'owner' })}
                  >
                    Promote
                  </Button>
                )}
                {member.can.demote && (
                  <Button
                    aria-label={`Make ${member.name} a member, not an owner`}
                    disabled={change.isPending}
                    onClick={() => setAsking({ member, role: 'member' })}
                  >
                    Demote
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {asking && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setAsking(null)}
          title={
            asking.role === 'owner'
              ? `Make ${asking.member.name} an owner?`
              : `Make ${asking.member.name} a member?`
          }
          confirmLabel={asking.role === 'owner' ? 'Promote' : 'Demote'}
          cancelLabel="Cancel"
          onConfirm={() => {
            setDone('');
            change.mutate(asking);
          }}
        >
          {asking.role === 'owner'
            ? 'Owners change the team’s settings, promote and demote others, and can remove all of the team’s data once Mutual is removed from the team.'
            : 'They keep everything they added, but can no longer change settings or roles.'}
        </ConfirmDialog>
      )}
    </PageSection>
  );
}
