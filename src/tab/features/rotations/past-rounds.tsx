import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RoundDto } from '../../../api/contract';
import { formatDate, plural } from '../../ui/format';
import { PageSection } from '../../ui/page-layout';
import { RoundGroups, UnplacedList } from './round-groups';

const useStyles = makeStyles({
  accordion: {
    maxWidth: '1000px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    ':not(:last-child)': {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  tally: { color: tokens.colorNeutralForeground2, marginInlineStart: tokens.spacingHorizontalS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
});

/** "3 met · 1 not yet · 0 skipped", or that nobody has answered. */
export function checkInTally(round: RoundDto): string {
  const { met, not_yet: notYet, skipped } = round.checkIns;
  if (met + notYet + skipped === 0) return 'no check-ins yet';
  return `${met} met · ${notYet} not yet · ${skipped} skipped`;
}

const dateOf = (round: RoundDto) => round.publishedAt ?? round.createdAt;

/** Earlier rounds, latest first, each folded to one line until opened. */
export function PastRounds({ rounds }: { rounds: readonly RoundDto[] }) {
  const styles = useStyles();
  const sorted = [...rounds].sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
  return (
    <PageSection title="Past rounds">
      <Accordion multiple collapsible className={styles.accordion}>
        {sorted.map((round) => {
          const date = formatDate(dateOf(round));
          return (
            <AccordionItem key={round.id} value={round.id} className={styles.item}>
              <AccordionHeader as="h3" expandIconPosition="end">
                <span>
                  {date} · {plural(round.groups.length, 'group')}
                  <Caption1 className={styles.tally}>{checkInTally(round)}</Caption1>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <RoundGroups
                  groups={round.groups}
                  label={`Groups of the round of ${date}`}
                  headingLevel={4}
                  myGroup={round.myGroup}
                />
                <UnplacedList unplaced={round.unplaced} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </PageSection>
  );
}
