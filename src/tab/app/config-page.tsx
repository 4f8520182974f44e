import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { ErrorState } from '../ui/state-views';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalXL,
  },
  title: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The configurable tab's set-up page, shown by Teams when the tab is added to a channel. There is
 * nothing to choose: saving points the tab at Pairings.
 */
export function ConfigPage({ inTeams }: { inTeams: boolean }) {
  const styles = useStyles();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!inTeams) return;
    try {
      pages.config.registerOnSaveHandler((saveEvent) => {
        pages.config
          .setConfig({
            contentUrl: `${window.location.origin}/#/pairings`,
            websiteUrl: `${window.location.origin}/#/pairings`,
            entityId: 'mutual',
            suggestedDisplayName: 'Mutual',
          })
          .then(
            () => saveEvent.notifySuccess(),
            (error: unknown) => {
              const message = error instanceof Error ? error.message : 'Teams refused the tab.';
              setFailure(message);
              saveEvent.notifyFailure(message);
            },
          );
      });
      pages.config.setValidityState(true);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [inTeams]);

  return (
    <main className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        Add Mutual to this channel
      </Title2>
      <Body1 as="p" className={styles.text}>
        Mutual gives the team a shared place for skill-share pairings, the help board and the Team
        Support Compact. Everyone in the team can open the tab; the team owner sets up programs in
        its Settings.
      </Body1>
      <Body1 as="p" className={styles.text}>
        {inTeams
          ? 'Select Save to add the tab. The bot will then post help requests and rotation news in this team.'
          : 'Teams shows this page when the tab is added to a channel. Open Mutual from Teams to set it up.'}
      </Body1>
      {failure && <ErrorState title="The tab could not be saved" error={{ message: failure }} />}
    </main>
  );
}
