import {
  Avatar,
  Badge,
  Body1,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  MeResSchema,
  MembersResSchema,
  ProfileResSchema,
  type MeDto,
  type ProfileDto,
} from '../../../api/contract';
import { ApiRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { MyKudos } from '../kudos/my-kudos';
import { PersonalData } from '../privacy/personal-data';
import { RemovedTeams } from '../privacy/removed-teams';
import { ProfileForm } from './profile-form';
import { SkillList } from '../../ui/skill-list';
import { EmptyState, QueryView } from '../../ui/state-views';
import { teamKey, useApiQuery } from '../../app/team-query';
import { stackedList } from '../../ui/list-styles';

const useStyles = makeStyles({
  profile: {
    maxWidth: '720px',
    padding: tokens.spacingHorizontalXL,
    gap: tokens.spacingVerticalL,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  name: { margin: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
  teams: stackedList(tokens.spacingVerticalS, '720px'),
  team: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  teamName: { flexGrow: 1 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
});

const teamNameOf = (me: MeDto, teamId: string) =>
  me.teams.find((t) => t.id === teamId)?.name ?? 'this team';

/** The signed-in person: their own member row in this team, and the teams they are in. */
export function MePage() {
  const styles = useStyles();
  const { teamId } = useAppContext();
  const queryClient = useQueryClient();
  const cardKey = teamKey(teamId ?? '', 'me');
  const profileKey = teamKey(teamId ?? '', 'profile');
  const profile = useApiQuery(cardKey, async (api, signal) => {
    const [me, members] = await Promise.all([
      api.get('/api/me', MeResSchema, signal),
      teamId
        ? api
            .get(teamPath(teamId, '/members'), MembersResSchema, signal)
            // Not (or no longer) a member of the team this tab is in, or Mutual was removed
            // from it: the page still shows the person and their teams.
            .catch((error: unknown) => {
              if (error instanceof ApiRequestError && [403, 404].includes(error.status))
                return null;
              throw error;
            })
        : null,
    ]);
    const row = members?.data.find((m) => m.id === me.data.user.id);
    return { me: me.data, row };
  });
  // The caller's own profile and boundaries in this team, to edit.
  const editable = useApiQuery(profileKey, async (api, signal) =>
    teamId ? (await api.get(teamPath(teamId, '/profile'), ProfileResSchema, signal)).data : null,
  );
  // A saved profile is the card's news too: its answer updates both, with no second load.
  const profileSaved = (saved: ProfileDto) => {
    queryClient.setQueryData(profileKey, saved);
    queryClient.setQueryData<typeof profile.data>(cardKey, (card) =>
      card?.row
        ? {
            ...card,
            row: {
              ...card.row,
              name: saved.name,
              department: saved.department,
              teaches: saved.teaches,
              learns: saved.learns,
            },
          }
        : card,
    );
  };
  // Removing a team's data changes the list of teams, which its answer does not carry.
  const teamsChanged = () => void queryClient.invalidateQueries({ queryKey: cardKey });
  // The team's name once the caller deleted their data in it: the page then only says so.
  const [deletedIn, setDeletedIn] = useState<string>();

  if (deletedIn !== undefined) {
    return (
      <PageLayout title="My profile" description="What your teammates see about you in Mutual.">
        <DeletedNotice teamName={deletedIn} />
      </PageLayout>
    );
  }

  return (
    <PageLayout title="My profile" description="What your teammates see about you in Mutual.">
      <QueryView
        query={profile}
        loadingLabel="Loading your profile…"
        errorTitle="Your profile could not be loaded"
      >
        {({ me, row }) => (
          <>
            <Card className={styles.profile} aria-label="Your profile">
              <div className={styles.top}>
                <Avatar
                  name={row?.name ?? me.user.name}
                  color="colorful"
                  size={56}
                  aria-hidden="true"
                />
                <div className={styles.who}>
                  <Title3 as="h2" className={styles.name}>
                    {row?.name ?? (me.user.name || 'You')}
                  </Title3>
                  {row && (
                    <Body1 className={styles.detail}>
                      {row.department || 'No department'}
                      {row.role === 'owner' ? ' · Team owner' : ' · Member'}
                    </Body1>
                  )}
                  {row?.email && <Caption1 className={styles.detail}>{row.email}</Caption1>}
                </div>
              </div>
              {row ? (
                row.teaches.length === 0 && row.learns.length === 0 ? (
                  <Body1 className={styles.detail}>
                    You have not listed any skills yet. Skills you can teach and want to learn are
                    what skill-share pairings are made from.
                  </Body1>
                ) : (
                  <>
                    <SkillList label="Can teach" skills={row.teaches} appearance="brand" />
                    <SkillList label="Wants to learn" skills={row.learns} appearance="outline" />
                  </>
                )
              ) : (
                teamId && (
                  <Body1 className={styles.detail}>
                    You are not on this team’s roster yet. Mutual reads the roster from Teams; it
                    updates when members join.
                  </Body1>
                )
              )}
            </Card>
            {teamId && row && (
              <PageSection title={`Your profile in ${teamNameOf(me, teamId)}`}>
                <Body1 as="p" className={styles.intro}>
                  Your skills, whether you take part, and the limits Mutual keeps to. Only you can
                  change them.
                </Body1>
                <QueryView
                  query={editable}
                  loadingLabel="Loading your profile settings…"
                  errorTitle="Your profile settings could not be loaded"
                >
                  {(data) =>
                    data && <ProfileForm teamId={teamId} profile={data} onSaved={profileSaved} />
                  }
                </QueryView>
              </PageSection>
            )}
            {teamId && row && (
              <PageSection title="Kudos">
                <MyKudos teamId={teamId} />
              </PageSection>
            )}
            {teamId && row && (
              <PageSection title="Your data">
                <PersonalData
                  teamId={teamId}
                  teamName={teamNameOf(me, teamId)}
                  onDeleted={() => setDeletedIn(teamNameOf(me, teamId))}
                />
              </PageSection>
            )}
            <PageSection title="My teams">
              {me.teams.length === 0 ? (
                <EmptyState title="No teams yet">
                  Mutual is not in any of your teams. Ask a team owner to add it in Teams.
                </EmptyState>
              ) : (
                <ul className={styles.teams} aria-label="My teams">
                  {me.teams.map((t) => (
                    <li key={t.id} className={styles.team}>
                      <Body1 className={styles.teamName}>{t.name}</Body1>
                      {t.id === teamId && (
                        <Badge appearance="outline" color="informative" size="small">
                          Open now
                        </Badge>
                      )}
                      <Badge
                        appearance="tint"
                        color={t.role === 'owner' ? 'brand' : 'subtle'}
                        size="small"
                      >
                        {t.role === 'owner' ? 'Owner' : 'Member'}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </PageSection>
            <RemovedTeams teams={me.removedTeams} onRemoved={teamsChanged} />
          </>
        )}
      </QueryView>
    </PageLayout>
  );
}

/** After "Delete my data": what happened, announced and focused so keyboard users land on it. */
function DeletedNotice({ teamName }: { teamName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Your data in {teamName} was deleted</MessageBarTitle>
          Mutual no longer pairs you, asks you for help or sends you messages in this team. If you
          are still in the team in Teams, Mutual adds you back as a new member the next time it
          reads the team’s roster (at most a day), without your old profile and not taking part
          until you opt in.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
