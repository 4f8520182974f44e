import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { TeamResSchema } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { CompactSettings } from '../compact/compact-settings';
import { GuardianSettings } from '../guardian/guardian-settings';
import { HelpSettings } from '../help/help-settings';
import { InsightSettings } from '../insights/insights-settings';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { ProgramEditor, ProgramSummary } from '../rotations/program-settings';
import { QueryView } from '../../ui/state-views';
import { UndeliveredNotifications } from '../notify/undelivered-notifications';
import { MemberRoles } from './member-roles';
import { usePrograms } from '../rotations/use-programs';
import { teamKey, useApiQuery } from '../../app/team-query';

const useStyles = makeStyles({
  ownersOnly: { margin: 0, color: tokens.colorNeutralForeground2 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  programs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * Team settings: the programs and their cadence, where help requests go, how the compact changes
 * and is reviewed, the Culture Guardian, undelivered notifications, and who the owners are.
 */
export function SettingsPage() {
  const styles = useStyles();
  const { teamId = '' } = useAppContext();
  const team = useApiQuery(teamKey(teamId, 'summary'), async (api, signal) => {
    return (await api.get(teamPath(teamId), TeamResSchema, signal)).data;
  });
  return (
    <PageLayout title="Settings" description="How Mutual runs in this team.">
      <QueryView
        query={team}
        loadingLabel="Loading the settings…"
        errorTitle="The settings could not be loaded"
      >
        {(data) => {
          // What this member may do here is the server's answer, not worked out from a role.
          const isOwner = data.can?.editSettings === true;
          return (
            <>
              {!isOwner && (
                <Body1 as="p" className={styles.ownersOnly}>
                  Only team owners manage settings. If something here should change, ask one of
                  them.
                </Body1>
              )}
              <Programs teamId={teamId} isOwner={isOwner} />
              <HelpSettings teamId={teamId} isOwner={isOwner} />
              <CompactSettings teamId={teamId} isOwner={isOwner} />
              <GuardianSettings teamId={teamId} isOwner={isOwner} />
              <InsightSettings teamId={teamId} isOwner={isOwner} />
              {data.can?.manageUndelivered && <UndeliveredNotifications teamId={teamId} />}
              <MemberRoles teamId={teamId} />
            </>
          );
        }}
      </QueryView>
    </PageLayout>
  );
}

function Programs({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  const styles = useStyles();
  const programs = usePrograms(teamId);
  return (
    <PageSection title="Programs">
      <Body1 as="p" className={styles.hint}>
        Each program puts people together on its own schedule. Paused people and people who have not
        opted in are left out; everyone else left out is told why.
      </Body1>
      <QueryView
        query={programs}
        loadingLabel="Loading the programs…"
        errorTitle="The programs could not be loaded"
      >
        {(data) => (
          <div className={styles.programs}>
            {data.map((program) =>
              isOwner ? (
                <ProgramEditor key={program.kind} teamId={teamId} program={program} />
              ) : (
                <ProgramSummary key={program.kind} program={program} />
              ),
            )}
          </div>
        )}
      </QueryView>
    </PageSection>
  );
}
