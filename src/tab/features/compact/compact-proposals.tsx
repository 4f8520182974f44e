import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { CompactOverviewDto, ProposalDto } from '../../../api/contract';
import { plural } from '../../ui/format';
import type { CompactActions } from './use-compact-actions';
import { PageSection } from '../../ui/page-layout';
import { CompactProposalCard } from './compact-proposal-card';
import { CompactProposeDialog } from './compact-propose-dialog';

const useStyles = makeStyles({
  intro: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    maxWidth: '820px',
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '60ch' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  none: { color: tokens.colorNeutralForeground3 },
  decided: { maxWidth: '820px' },
  notice: { maxWidth: '820px' },
  panel: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

/** Open proposals with everyone's stance, the "Propose a change" form, and decided ones below. */
export function CompactProposals({
  overview,
  actions,
}: {
  overview: CompactOverviewDto;
  actions: CompactActions;
}) {
  const styles = useStyles();
  const [proposing, setProposing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { current, settings, majority, can } = overview;
  const open = overview.proposals.filter((p) => p.status === 'open');
  const decided = overview.proposals.filter((p) => p.status !== 'open');
  const notice = actions.notice?.section === 'proposals' ? actions.notice.text : undefined;

  // An adopted or declined proposal leaves the open list, and the button that had focus goes
  // with it: bring keyboard users back to the section.
  useEffect(() => {
    if (notice && (document.activeElement === document.body || !document.activeElement)) {
      heading.current?.focus();
    }
  }, [notice]);

  const card = (proposal: ProposalDto) => (
    <CompactProposalCard
      key={proposal.id}
      proposal={proposal}
      rule={settings.adoptionRule}
      majority={majority}
      state={actions.states.get(proposal.id)}
      onAct={(action, text) => void actions.act(proposal, action, text)}
      onDismiss={() => actions.dismiss(proposal.id)}
    />
  );

  return (
    <PageSection
      title="Proposals"
      headingRef={heading}
      extra={
        <CounterBadge
          count={open.length}
          showZero
          appearance="ghost"
          color="informative"
          aria-label={`${plural(open.length, 'open proposal')}`}
        />
      }
    >
      <div className={styles.intro}>
        <Body1 as="p" className={styles.hint}>
          {settings.adoptionRule === 'majority'
            ? `Any member can propose a change. It is adopted once ${majority.needed} of the ${plural(majority.takingPart, 'member')} taking part endorse it and more endorse than object; an owner can also adopt or decline it.`
            : 'Any member can propose a change; members endorse it or object, and a team owner adopts or declines it.'}
        </Body1>
        {can.propose && current && (
          <Button appearance="primary" onClick={() => setProposing(true)}>
            Propose a change
          </Button>
        )}
      </div>

      <div aria-live="polite" className={styles.notice}>
        {notice && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{notice}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={actions.dismissNotice}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      {open.length === 0 ? (
        <Caption1 className={styles.none}>No open proposals.</Caption1>
      ) : (
        <div role="list" aria-label="Open proposals" className={styles.list}>
          {open.map(card)}
        </div>
      )}

      {decided.length > 0 && (
        <Accordion collapsible className={styles.decided}>
          <AccordionItem value="decided">
            <AccordionHeader>Decided proposals ({decided.length})</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <div role="list" aria-label="Decided proposals" className={styles.list}>
                {decided.map(card)}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}

      {current && (
        <CompactProposeDialog
          open={proposing}
          onOpenChange={setProposing}
          compact={current}
          propose={actions.propose}
        />
      )}
    </PageSection>
  );
}
