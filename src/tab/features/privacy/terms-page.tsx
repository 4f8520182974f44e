import { Link } from '@fluentui/react-components';
import { LegalLayout, LegalList, LegalSection, LegalText } from './legal-layout';
import { hrefOf } from '../../app/routes';

/** The terms of use, short and plain. Opened from the Teams manifest. */
export function TermsPage() {
  return (
    <LegalLayout
      route="terms"
      title="Terms of use"
      intro="Mutual is provided to you by the organisation that deployed it in Microsoft Teams, for its own teams. These terms are short; your organisation’s own policies still apply."
    >
      <LegalSection title="Using Mutual">
        <LegalList>
          <li>
            Use it for what it is for: sharing skills, asking for help, helping, and thanking.
          </li>
          <li>
            Be kind and fair. Your team sees help requests, kudos and the compact: write as you
            would in the team’s channel.
          </li>
          <li>
            Keep passwords and other secrets out of help requests and profiles, and follow your
            organisation’s rules on what may be shared.
          </li>
          <li>
            Do not try to find out who gave a pulse answer, open teams you are not in, or get round
            how Mutual controls access.
          </li>
          <li>Opting out or pausing is always fine, and needs no explanation.</li>
        </LegalList>
      </LegalSection>

      <LegalSection title="What you write">
        <LegalText>
          It stays your organisation’s, like any other work content, and Mutual shows it only to the
          people the{' '}
          <Link href={hrefOf('privacy')} inline>
            privacy page
          </Link>{' '}
          describes.
        </LegalText>
      </LegalSection>

      <LegalSection title="No guarantees">
        <LegalText>
          Mutual is provided as is, without warranties. It tries to deliver every notification and
          keep every record, but it can be wrong or unavailable, so do not rely on it alone for
          anything urgent: if you are blocked on something critical, tell someone directly too.
        </LegalText>
      </LegalSection>

      <LegalSection title="Changes">
        <LegalText>
          Your organisation can change these terms, change Mutual, or remove it at any time.
          Removing it stops its access and its notifications.
        </LegalText>
      </LegalSection>

      <LegalSection title="Questions">
        <LegalText>Ask the people who run Microsoft Teams for your organisation.</LegalText>
      </LegalSection>
    </LegalLayout>
  );
}
