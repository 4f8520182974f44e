import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { TeamResSchema } from '../../api/contract';
import { teamPath } from '../api-client';
import { useAppContext } from '../app-context';
import { PageLayout } from '../components/page-layout';
import { EmptyState, ResourceView } from '../components/state-views';
import { UndeliveredNotifications } from '../components/undelivered-notifications';
import { useResource } from '../use-resource';

const useStyles = makeStyles({
  ownersOnly: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Team settings: programs and cadence (they arrive with programs); owners also see undelivered notifications. */
export function SettingsPage() {
  const styles = useStyles();
  const { teamId = '' } = useAppContext();
  const team = useResource(`settings:${teamId}`, async (api, signal) => {
    return (await api.get(teamPath(teamId), TeamResSchema, signal)).data;
  });
  return (
    <PageLayout title="Settings" description="How Mutual runs in this team.">
      <ResourceView
        handle={team}
        loadingLabel="Loading the settings…"
        errorTitle="The settings could not be loaded"
      >
        {(data) =>
          data.myRole === 'owner' ? (
            <>
              <NoSettingsYet />
              <UndeliveredNotifications teamId={teamId} />
            </>
          ) : (
            <>
              <Body1 as="p" className={styles.ownersOnly}>
                Only team owners manage settings. If something here should change, ask one of them.
              </Body1>
              <NoSettingsYet />
            </>
          )
        }
      </ResourceView>
    </PageLayout>
  );
}

function NoSettingsYet() {
  return (
    <EmptyState title="No settings to change yet" headingLevel={2}>
      Team owners will set up the team’s programs here (skill share, cross-check partners, blocker
      buddies) with their cadence, the channel where help requests are posted, and the Culture
      Guardian rotation.
    </EmptyState>
  );
}
