import { PageLayout } from '../components/page-layout';
import { EmptyState } from '../components/state-views';

/** Reciprocity insights: computed from real help requests and rotations, so empty until then. */
export function InsightsPage() {
  return (
    <PageLayout
      title="Insights"
      description="How help flows through the team, so no one quietly carries too much."
    >
      <EmptyState title="Nothing to measure yet" headingLevel={2}>
        Once the team has help requests and skill-share rotations, this page shows the give and
        receive balance, how concentrated helping is, how many people and departments each person
        helps, time to first response against the compact, open blockers and the rotation meet rate.
      </EmptyState>
    </PageLayout>
  );
}
