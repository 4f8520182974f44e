import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { MyKudosResSchema } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';
import { KudosList } from './kudos-list';
import { EmptyState, QueryView } from '../../ui/state-views';

const useStyles = makeStyles({
  panel: { paddingTop: tokens.spacingVerticalM },
});

type Side = 'received' | 'given';
const labels: Record<Side, string> = { received: 'Received', given: 'Given' };
const empty: Record<Side, string> = {
  received: 'When a teammate thanks you, their story appears here.',
  given: 'Kudos you give (on the Kudos page, or by thanking a helper) appear here.',
};

/** "My profile" → Kudos: the stories others told about the caller, and those they told. */
export function MyKudos({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const id = useId();
  const [side, setSide] = useState<Side>('received');
  const mine = useApiQuery(teamKey(teamId, 'my-kudos'), async (api, signal) => {
    return (await api.get(teamPath(teamId, '/me/kudos'), MyKudosResSchema, signal)).data;
  });
  return (
    <QueryView
      query={mine}
      loadingLabel="Loading your kudos…"
      errorTitle="Your kudos could not be loaded"
    >
      {(data) => (
        <div>
          <TabList
            selectedValue={side}
            onTabSelect={(_event, selected) => setSide(selected.value as Side)}
            aria-label="Your kudos"
          >
            {(['received', 'given'] as const).map((s) => (
              <Tab key={s} value={s} id={`${id}-${s}`} aria-controls={`${id}-panel`}>
                {labels[s]}
              </Tab>
            ))}
          </TabList>
          <div
            id={`${id}-panel`}
            role="tabpanel"
            aria-labelledby={`${id}-${side}`}
            className={styles.panel}
          >
            {data[side].length === 0 ? (
              <EmptyState title={`No kudos ${side} yet`}>{empty[side]}</EmptyState>
            ) : (
              <KudosList
                kudos={data[side]}
                label={`Kudos you ${side === 'received' ? 'received' : 'gave'}`}
              />
            )}
          </div>
        </div>
      )}
    </QueryView>
  );
}
