import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { CompactOverviewDto } from '../../../api/contract';
import { formatDate, plural } from '../../ui/format';
import { BusyButton } from '../../ui/save-feedback';

const useStyles = makeStyles({
  commit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '60ch' },
  committed: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  names: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    '& li:not(:last-child)::after': { content: '","' },
  },
  nobody: { color: tokens.colorNeutralForeground3 },
});

type Person = { id: string; name: string };

/**
 * "I commit to this" for the current version, and who has (and has not yet) said it. The answer
 * is shown at once; the page then reloads to show the lists as they are now.
 */
export function CompactAcknowledgements({
  version,
  overview,
  acknowledge,
}: {
  version: number;
  overview: Pick<
    CompactOverviewDto,
    'acknowledged' | 'notAcknowledged' | 'me' | 'myAcknowledgedAt'
  >;
  acknowledge: (version: number) => Promise<{ version: number; at: string }>;
}) {
  const styles = useStyles();
  // The answer goes into the cached overview, which this reads.
  const save = useMutation({ mutationFn: () => acknowledge(version) });
  const at = overview.myAcknowledgedAt ?? undefined;
  const committed = at !== undefined;
  const acknowledged = overview.acknowledged.map((a) => a.person);
  const notYet = overview.notAcknowledged;

  const commit = () => {
    if (!save.isPending) save.mutate();
  };

  return (
    <>
      {committed ? (
        <Body1 as="p" className={styles.committed}>
          {at
            ? `You committed to version ${version} on ${formatDate(at)}.`
            : `You committed to version ${version}.`}
        </Body1>
      ) : (
        <div className={styles.commit}>
          <BusyButton
            appearance="primary"
            busy={save.isPending}
            busyLabel="Saving…"
            onClick={commit}
          >
            I commit to this
          </BusyButton>
          <Caption1 className={styles.hint}>
            Say that you will keep these promises. When the team adopts a new version, you are asked
            again.
          </Caption1>
        </div>
      )}
      {save.isError && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Your commitment was not recorded</MessageBarTitle>
              {save.error.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => save.reset()}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
      <div className={styles.groups}>
        <People
          label={`Committed to version ${version}`}
          people={acknowledged}
          none="Nobody yet."
        />
        <People label="Not yet" people={notYet} none="Everyone has." />
      </div>
    </>
  );
}

/** A labelled, comma-separated list of names with its count. */
function People({
  label,
  people,
  none,
}: {
  label: string;
  people: readonly Person[];
  none: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <Caption1 id={id} className={styles.label}>
        {label}
        <CounterBadge
          count={people.length}
          showZero
          appearance="ghost"
          color="informative"
          aria-label={plural(people.length, 'person', 'people')}
        />
      </Caption1>
      {people.length === 0 ? (
        <Caption1 className={styles.nobody}>{none}</Caption1>
      ) : (
        <ul className={styles.names} aria-label={label}>
          {people.map((person) => (
            <li key={person.id}>{person.name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
