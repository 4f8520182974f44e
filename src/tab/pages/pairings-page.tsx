import { CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { MeResSchema, MembersResSchema } from '../../api/contract';
import { teamPath } from '../api-client';
import { useAppContext } from '../app-context';
import { MemberCard } from '../components/member-card';
import { PageLayout, PageSection } from '../components/page-layout';
import { EmptyState, ResourceView } from '../components/state-views';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** Pairings: the current rotation (none yet) and the team it draws from. */
export function PairingsPage() {
  const styles = useStyles();
  const { teamId = '' } = useAppContext();
  const team = useResource(`members:${teamId}`, async (api, signal) => {
    const [members, me] = await Promise.all([
      api.get(teamPath(teamId, '/members'), MembersResSchema, signal),
      api.get('/api/me', MeResSchema, signal),
    ]);
    const sorted = [...members.data].sort((a, b) => a.name.localeCompare(b.name));
    return { members: sorted, meId: me.data.user.id };
  });

  return (
    <PageLayout
      title="Pairings"
      description="Skill-share partners: people matched because each can teach the other something."
    >
      <EmptyState title="Your skill-share partner" headingLevel={2}>
        No rotation yet. When the team owner sets up a skill-share program, your partner appears
        here.
      </EmptyState>
      <ResourceView
        handle={team}
        loadingLabel="Loading the team…"
        errorTitle="The team could not be loaded"
      >
        {({ members, meId }) => (
          <PageSection
            title="The team"
            extra={
              <CounterBadge
                count={members.length}
                showZero
                appearance="ghost"
                color="informative"
                aria-label={`${members.length} members`}
              />
            }
          >
            {members.length === 0 ? (
              <EmptyState title="Nobody here yet">
                Members appear once Mutual has read the team roster from Teams.
              </EmptyState>
            ) : (
              <div role="list" aria-label="Team members" className={styles.grid}>
                {members.map((member) => (
                  <MemberCard key={member.id} member={member} isMe={member.id === meId} />
                ))}
              </div>
            )}
          </PageSection>
        )}
      </ResourceView>
    </PageLayout>
  );
}
