import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { RoundResSchema, type RoundDto, type RoundSwapReq } from '../../../api/contract';
import { ApiRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { formatDateTime, plural } from '../../ui/format';
import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageSection } from '../../ui/page-layout';
import { RoundGroups, UnplacedList, formatWeight } from './round-groups';
import { BusyButton, SaveFeedback } from '../../ui/save-feedback';

const useStyles = makeStyles({
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  subtitle: { ...typographyStyles.subtitle2, margin: 0 },
  swap: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '820px',
    boxSizing: 'border-box',
  },
  legend: { ...typographyStyles.subtitle2, padding: `0 ${tokens.spacingHorizontalXS}` },
  swapRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  person: { minWidth: '220px', flexGrow: 1 },
  publish: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

const roundPath = (teamId: string, roundId: string, rest = '') =>
  teamPath(teamId, `/rounds/${encodeURIComponent(roundId)}${rest}`);

/** Owner: a round waiting for review. Swap people between groups, then publish it. */
export function DraftRound({
  teamId,
  round,
  onChange,
  onReload,
}: {
  teamId: string;
  round: RoundDto;
  onChange: (round: RoundDto) => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const unplacedId = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [confirming, setConfirming] = useState(false);
  // A refusal checked here is the swap's error too, so it shows by its field the same way.
  const swap = useMutation({
    mutationFn: async (body: (RoundSwapReq & { done: string }) | ApiRequestError) => {
      if (body instanceof ApiRequestError) throw body;
      const { done, ...req } = body;
      const path = roundPath(teamId, round.id, '/swap');
      return { round: (await api.post(path, req, RoundResSchema)).data, done };
    },
    onSuccess: ({ round: next }) => {
      setFirst('');
      setSecond('');
      onChange(next);
    },
  });
  const publish = useMutation({
    mutationFn: async () =>
      (
        await api.post(
          roundPath(teamId, round.id, '/publish'),
          { revision: round.revision },
          RoundResSchema,
        )
      ).data,
    onSuccess: onChange,
  });
  const swapError = swap.error ?? undefined;
  const publishError = publish.error ?? undefined;
  const conflict = swapError?.code === 'conflict' || publishError?.code === 'conflict';

  const people = round.groups.flatMap((group, index) =>
    group.members.map((member) => ({ ...member, group: index })),
  );
  const personOf = (id: string) => people.find((p) => p.id === id);
  const memberCount = people.length;

  const submitSwap = (event: FormEvent) => {
    event.preventDefault();
    publish.reset();
    const a = personOf(first);
    const b = personOf(second);
    const problem = !a
      ? 'Choose the first person.'
      : !b
        ? 'Choose the second person.'
        : a.group === b.group
          ? `${a.name} and ${b.name} are already in the same group: choose people from two different groups.`
          : null;
    if (problem || !a || !b) {
      swap.mutate(
        new ApiRequestError(problem ?? 'Choose two people.', {
          code: 'invalid',
          status: 400,
          field: !a ? 'a' : 'b',
        }),
      );
      return;
    }
    const done = `${a.name} and ${b.name} swapped groups.`;
    swap.mutate({ a: a.id, b: b.id, revision: round.revision, done });
  };

  // The draft as it is now replaces this one in place: what was refused no longer applies.
  const reload = () => {
    swap.reset();
    publish.reset();
    onReload();
  };

  const publishNow = () => {
    swap.reset();
    if (!publish.isPending) publish.mutate();
  };

  const options = round.groups.map((group, index) => (
    <optgroup key={index} label={`Group ${index + 1}`}>
      {group.members.map((member) => (
        <option key={member.id} value={member.id}>
          {member.name}
        </option>
      ))}
    </optgroup>
  ));
  const swapField = swapError?.code === 'invalid' ? swapError.field : undefined;

  return (
    <PageSection title="Draft round">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Only owners see this draft</MessageBarTitle>
          Nobody is told anything until you publish it. Made {formatDateTime(round.createdAt)}:{' '}
          {plural(memberCount, 'person', 'people')} in {plural(round.groups.length, 'group')}, total
          weight {formatWeight(round.totalWeight)}.
        </MessageBarBody>
      </MessageBar>
      {conflict && (
        <div role="alert">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>This draft changed; reload</MessageBarTitle>
              Another owner swapped people in it or published it since you opened it. Reload to see
              it as it is now.
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" size="small" onClick={reload}>
                Reload
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
      <Body1 as="p" className={styles.hint}>
        A group’s weight is higher when its people can teach each other, come from different
        departments and have not been paired lately.
      </Body1>
      {round.groups.length === 0 ? (
        <Body1 as="p" className={styles.hint}>
          Nobody could be grouped in this draft: fewer than two people are taking part.
        </Body1>
      ) : (
        <RoundGroups groups={round.groups} label="Groups in this draft" showWeights />
      )}
      {round.unplaced.length > 0 && (
        <section aria-labelledby={unplacedId}>
          <h3 id={unplacedId} className={styles.subtitle}>
            Not placed
          </h3>
          <UnplacedList unplaced={round.unplaced} />
        </section>
      )}

      {round.can?.swap && round.groups.length > 1 && (
        <form noValidate onSubmit={submitSwap}>
          <fieldset className={styles.swap}>
            <legend className={styles.legend}>Swap two people</legend>
            <Caption1 className={styles.hint}>
              Choose one person from each of two groups: they change places.
            </Caption1>
            <div className={styles.swapRow}>
              <Field
                label="First person"
                className={styles.person}
                {...(swapField === 'a' ? { validationState: 'error' as const } : {})}
              >
                <Select value={first} onChange={(_event, data) => setFirst(data.value)}>
                  <option value="">Choose someone…</option>
                  {options}
                </Select>
              </Field>
              <Field
                label="Second person"
                className={styles.person}
                {...(swapField === 'b' ? { validationState: 'error' as const } : {})}
              >
                <Select value={second} onChange={(_event, data) => setSecond(data.value)}>
                  <option value="">Choose someone…</option>
                  {options}
                </Select>
              </Field>
              <BusyButton type="submit" busy={swap.isPending} busyLabel="Swapping…">
                Swap
              </BusyButton>
            </div>
            {!conflict && (
              <SaveFeedback
                save={swap}
                message={swap.data?.done ?? ''}
                successTitle="Swapped"
                failureTitle="They could not be swapped"
              />
            )}
          </fieldset>
        </form>
      )}

      {round.can?.publish && (
        <div className={styles.publish}>
          <BusyButton
            appearance="primary"
            busy={publish.isPending}
            busyLabel="Publishing…"
            disabledFocusable={conflict || round.groups.length === 0}
            onClick={() => setConfirming(true)}
          >
            Publish round
          </BusyButton>
          <Caption1 className={styles.hint}>
            Each person gets a 1:1 message with their partner and the reason; a summary goes to the
            team channel.
          </Caption1>
        </div>
      )}
      {!conflict && publish.isError && (
        <SaveFeedback
          save={publish}
          message=""
          successTitle=""
          failureTitle="The round was not published"
        />
      )}

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Publish this round?"
        confirmLabel="Publish"
        cancelLabel="Not yet"
        onConfirm={publishNow}
      >
        {plural(memberCount, 'person', 'people')} in {plural(round.groups.length, 'group')} will
        each get a message with their partner. A published round cannot be changed.
      </ConfirmDialog>
    </PageSection>
  );
}
