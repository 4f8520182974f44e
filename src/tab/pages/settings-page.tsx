import { PageLayout } from '../components/page-layout';
import { EmptyState } from '../components/state-views';

/** Team settings: programs, cadence and the support channel (they arrive with programs). */
export function SettingsPage() {
  return (
    <PageLayout title="Settings" description="How Mutual runs in this team.">
      <EmptyState title="No settings to change yet" headingLevel={2}>
        Team owners will set up the team’s programs here (skill share, cross-check partners, blocker
        buddies) with their cadence, the channel where help requests are posted, and the Culture
        Guardian rotation.
      </EmptyState>
    </PageLayout>
  );
}
