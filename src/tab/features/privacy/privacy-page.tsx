import { Link } from '@fluentui/react-components';
import { LegalLayout, LegalList, LegalSection, LegalText } from './legal-layout';
import { hrefOf } from '../../app/routes';

/** What Mutual keeps, where, who sees it, and how it goes away. Opened from the Teams manifest. */
export function PrivacyPage() {
  return (
    <LegalLayout
      route="privacy"
      title="Privacy"
      intro="Mutual helps a team share skills, ask for help and thank each other in Microsoft Teams. Your organisation runs its own copy of Mutual in its own Azure subscription. This page says what that copy keeps about you, where, and who can see it."
    >
      <LegalSection title="What Mutual keeps">
        <LegalList>
          <li>
            <strong>Your team’s roster, read from Teams:</strong> names, email addresses, Microsoft
            Entra object ids, and who is a team owner.
          </li>
          <li>
            <strong>What members write in their profile:</strong> department, skills they can teach
            and want to learn, how much help they can give, and quiet hours.
          </li>
          <li>
            <strong>What the team does in Mutual:</strong> pairings, help requests, kudos, the
            versions of the Team Support Compact, and who acknowledged them.
          </li>
          <li>
            <strong>Notification records:</strong> what the bot sent to whom, when, and whether it
            arrived.
          </li>
          <li>
            <strong>Pulse answers, anonymously:</strong> an answer is stored with no link to the
            person who gave it, and results are shown only for the team as a whole, once enough
            people have answered.
          </li>
        </LegalList>
      </LegalSection>

      <LegalSection title="Where it is kept">
        <LegalText>
          In your organisation’s own Azure Storage account, in the subscription Mutual was deployed
          to. Nothing is sent to the people who made Mutual.
        </LegalText>
        <LegalText>
          Messages between Mutual and Teams travel through Microsoft Teams and the Microsoft Bot
          Framework, as they do for any Teams app. The server’s own logs (requests and errors) stay
          in your organisation’s Azure Monitor workspace. Your browser remembers your theme and the
          last team you opened, on your device only.
        </LegalText>
      </LegalSection>

      <LegalSection title="Who can see what">
        <LegalList>
          <li>
            Members of a team see that team’s roster, profiles, pairings, help board, compact and
            kudos. Nobody sees a team they are not in.
          </li>
          <li>
            Team owners also manage the team’s settings, publish pairings, adopt compact changes and
            see notifications that could not be delivered.
          </li>
          <li>
            The Culture Guardian gets a private note when one person is carrying too much of the
            team’s helping. Nobody else sees that note.
          </li>
          <li>Pulse results carry no names, and appear only once enough people have answered.</li>
          <li>
            People who administer your organisation’s Azure subscription can reach the storage
            account, as they can for anything else kept there.
          </li>
        </LegalList>
      </LegalSection>

      <LegalSection title="Keeping and deleting">
        <LegalList>
          <li>Your data is kept while your team uses Mutual.</li>
          <li>
            To see what Mutual holds about you, or to have it deleted, ask the people who run
            Microsoft Teams for your organisation: it is all in their storage account.
          </li>
          <li>
            Pulse answers cannot be traced back to you, which also means they cannot be picked out
            and deleted one by one.
          </li>
          <li>
            When Mutual is removed from a team, it stops: the tab no longer opens that team’s data
            and the bot sends nothing more. Your organisation’s administrators can then remove the
            team’s data for good.
          </li>
        </LegalList>
      </LegalSection>

      <LegalSection title="What Mutual never does">
        <LegalText>
          No tracking, no advertising, and your data is never sold. Mutual has no analytics or
          advertising code and sets no tracking cookies.
        </LegalText>
      </LegalSection>

      <LegalSection title="Questions">
        <LegalText>
          Mutual is run by your organisation. For questions about your data, or to have it removed,
          contact the people who run Microsoft Teams for your organisation. See also the{' '}
          <Link href={hrefOf('terms')} inline>
            terms of use
          </Link>
          .
        </LegalText>
      </LegalSection>
    </LegalLayout>
  );
}
