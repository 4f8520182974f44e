import { PageLayout } from '../components/page-layout';
import { EmptyState } from '../components/state-views';

/** The help board: open and recent help requests (they arrive with "Ask for help"). */
export function HelpPage() {
  return (
    <PageLayout
      title="Help board"
      description="Who is blocked, who is helping, and how quickly the team answers."
    >
      <EmptyState title="No help requests yet" headingLevel={2}>
        When someone turns a message into a help request with “Ask for help”, it appears here with
        its skills, its urgency, who claimed it and how long it has waited against the compact’s
        response commitment.
      </EmptyState>
    </PageLayout>
  );
}
