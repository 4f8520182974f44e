import {
  Body1,
  CounterBadge,
  Link,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  MeResSchema,
  MembersResSchema,
  ProgramsResSchema,
  RoundResSchema,
  RoundsResSchema,
  TeamResSchema,
  type ProgramDto,
  type ProgramKind,
  type RoundDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { DraftRound } from './draft-round';
import { MemberCard } from './member-card';
import { MyPartner } from './my-partner';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { PastRounds } from './past-rounds';
import { PublishProgress } from './publish-progress';
import { RoundGroups, UnplacedList } from './round-groups';
import { BusyButton, SaveFeedback } from '../../ui/save-feedback';
import { EmptyState, ErrorState, ResourceView } from '../../ui/state-views';
import { formatDate, formatWhen } from '../../ui/format';
import { programKinds, programLabels, isProgramKind } from './programs';
import { hashParam, hrefOf, replaceHashParam } from '../../app/routes';
import { useResource } from '../../app/use-resource';
import { useSave } from '../../ui/use-save';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  picker: { marginInline: `calc(-1 * ${tokens.spacingHorizontalMNudge})` },
  rounds: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
});

/** Pairings: the program's current round (your partner, or the owner's draft), past rounds, the team. */
export function PairingsPage() {
  const styles = useStyles();
  const { teamId = '' } = useAppContext();
  const overview = useResource(`pairings:${teamId}`, async (api, signal) => {
    const [programs, team, me] = await Promise.all([
      api.get(teamPath(teamId, '/programs'), ProgramsResSchema, signal),
      api.get(teamPath(teamId), TeamResSchema, signal),
      api.get('/api/me', MeResSchema, signal),
    ]);
    return {
      programs: programKinds.flatMap((kind) => programs.data.filter((p) => p.kind === kind)),
      isOwner: team.data.myRole === 'owner',
      meId: me.data.user.id,
    };
  });
  const team = useResource(`members:${teamId}`, async (api, signal) => {
    const [members, me] = await Promise.all([
      api.get(teamPath(teamId, '/members'), MembersResSchema, signal),
      api.get('/api/me', MeResSchema, signal),
    ]);
    const sorted = [...members.data].sort((a, b) => a.name.localeCompare(b.name));
    return { members: sorted, meId: me.data.user.id };
  });

  return (
    <PageLayout
      title="Pairings"
      description="Who you are paired with in each of the team’s programs, and why."
    >
      <ResourceView
        handle={overview}
        loadingLabel="Loading the pairings…"
        errorTitle="The pairings could not be loaded"
      >
        {({ programs, isOwner, meId }) => (
          <Programs teamId={teamId} programs={programs} isOwner={isOwner} meId={meId} />
        )}
      </ResourceView>
      <ResourceView
        handle={team}
        loadingLabel="Loading the team…"
        errorTitle="The team could not be loaded"
      >
        {({ members, meId }) => (
          <PageSection
            title="The team"
            extra={
              <CounterBadge
                count={members.length}
                showZero
                appearance="ghost"
                color="informative"
                aria-label={`${members.length} members`}
              />
            }
          >
            {members.length === 0 ? (
              <EmptyState title="Nobody here yet">
                Members appear once Mutual has read the team roster from Teams.
              </EmptyState>
            ) : (
              <div role="list" aria-label="Team members" className={styles.grid}>
                {members.map((member) => (
                  <MemberCard key={member.id} member={member} isMe={member.id === meId} />
                ))}
              </div>
            )}
          </PageSection>
        )}
      </ResourceView>
    </PageLayout>
  );
}

/** The program picker and the chosen program's rounds. */
function Programs({
  teamId,
  programs,
  isOwner,
  meId,
}: {
  teamId: string;
  programs: readonly ProgramDto[];
  isOwner: boolean;
  meId: string;
}) {
  const styles = useStyles();
  const running = programs.filter((p) => p.enabled);
  const [chosen, setChosen] = useState<ProgramKind>(() => {
    const asked = hashParam('program');
    return isProgramKind(asked) ? asked : 'skill_share';
  });
  const program =
    running.find((p) => p.kind === chosen) ??
    running.find((p) => p.kind === 'skill_share') ??
    running[0];

  if (!program) {
    return (
      <EmptyState title="No programs are running yet" headingLevel={2}>
        {isOwner ? (
          <>
            Switch on skill share, cross-check partners or blocker buddies in{' '}
            <Link href={hrefOf('settings')}>Settings</Link>; your partner and the team’s rounds then
            appear here.
          </>
        ) : (
          <>
            When a team owner switches on skill share, cross-check partners or blocker buddies, your
            partner appears here.
          </>
        )}
      </EmptyState>
    );
  }

  return (
    <div className={styles.rounds}>
      <TabList
        className={styles.picker}
        aria-label="Programs"
        selectedValue={program.kind}
        onTabSelect={(_event, data) => {
          const kind = String(data.value);
          if (!isProgramKind(kind)) return;
          setChosen(kind);
          replaceHashParam('program', kind);
        }}
      >
        {running.map((p) => (
          <Tab key={p.kind} value={p.kind}>
            {programLabels[p.kind]}
          </Tab>
        ))}
      </TabList>
      <ProgramRounds
        key={program.kind}
        teamId={teamId}
        program={program}
        isOwner={isOwner}
        meId={meId}
      />
    </div>
  );
}

function ProgramRounds({
  teamId,
  program,
  isOwner,
  meId,
}: {
  teamId: string;
  program: ProgramDto;
  isOwner: boolean;
  meId: string;
}) {
  const styles = useStyles();
  const rounds = useResource(`rounds:${teamId}:${program.kind}`, async (api, signal) => {
    const path = teamPath(teamId, `/rounds?program=${encodeURIComponent(program.kind)}`);
    return (await api.get(path, RoundsResSchema, signal)).data;
  });
  const { resource, reload } = rounds;
  const data = resource.status === 'ready' ? resource.data : undefined;
  // Rounds changed here (a swap, a publish, a check-in, progress) until the list loads again.
  const [changed, setChanged] = useState<ReadonlyMap<string, RoundDto>>(() => new Map());
  useEffect(() => setChanged(new Map()), [data]);
  const update = useCallback(
    (round: RoundDto) => setChanged((current) => new Map(current).set(round.id, round)),
    [],
  );
  const latest = (round: RoundDto) => changed.get(round.id) ?? round;
  const refresh = useCallback(() => reload(), [reload]);
  const refreshError = resource.status === 'ready' ? resource.refreshError : undefined;

  return (
    <>
      {refreshError && (
        <ErrorState
          title="The rounds could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <ResourceView
        handle={rounds}
        loadingLabel={`Loading ${programLabels[program.kind].toLowerCase()} rounds…`}
        errorTitle="The rounds could not be loaded"
      >
        {({ current: loaded, past: loadedPast }) => {
          const current = loaded && latest(loaded);
          const past = loadedPast.map(latest);
          // While an owner reviews a draft, their partner is still the one from the last round.
          const partnerRound =
            current?.status === 'published' ? current : current ? past[0] : undefined;
          return (
            <>
              {partnerRound && (
                <MyPartner
                  teamId={teamId}
                  program={program.kind}
                  round={partnerRound}
                  meId={meId}
                  onChange={update}
                />
              )}
              {!current && (
                <NoRoundYet
                  teamId={teamId}
                  program={program}
                  isOwner={isOwner}
                  onMade={() => reload({ quiet: true })}
                />
              )}
              {current?.status === 'draft' && (
                <DraftRound
                  key={current.id}
                  teamId={teamId}
                  round={current}
                  onChange={update}
                  onReload={refresh}
                />
              )}
              {current?.status === 'published' && (
                <PageSection title="This round">
                  {isOwner && current.progress && (
                    <PublishProgress teamId={teamId} round={current} onChange={update} />
                  )}
                  <Body1 as="p" className={styles.hint}>
                    Published {formatDate(current.publishedAt ?? current.createdAt)}.
                    {program.nextRunAt &&
                      ` The next round is due ${formatWhen(program.nextRunAt)}.`}
                  </Body1>
                  {current.groups.length > 0 ? (
                    <RoundGroups
                      groups={current.groups}
                      label="Groups in this round"
                      myGroup={current.myGroup}
                    />
                  ) : (
                    <Body1 as="p" className={styles.hint}>
                      Nobody could be grouped in this round.
                    </Body1>
                  )}
                  <UnplacedList unplaced={current.unplaced} />
                </PageSection>
              )}
              {past.length > 0 && <PastRounds rounds={past} />}
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

/** No round yet: when the first one comes, and (owners) a way to make it now. */
function NoRoundYet({
  teamId,
  program,
  isOwner,
  onMade,
}: {
  teamId: string;
  program: ProgramDto;
  isOwner: boolean;
  onMade: () => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const make = useSave();
  const label = programLabels[program.kind];
  const when = program.nextRunAt
    ? `The first ${label.toLowerCase()} round is due ${formatWhen(program.nextRunAt)}.`
    : `${label} has no round scheduled yet.`;

  const makeNow = async () => {
    const round = await make.run(
      async () =>
        (await api.post(teamPath(teamId, `/programs/${program.kind}/rounds`), {}, RoundResSchema))
          .data,
      (result) =>
        result.status === 'draft' ? 'The draft is below.' : 'Everyone in it is being told.',
    );
    if (round) onMade();
  };

  return (
    <>
      <EmptyState title="No round yet" headingLevel={2}>
        {when} Each round puts people who are taking part together, with the reason they were
        matched, and tells everyone left out why.{' '}
        {isOwner ? (
          <>
            {program.preview
              ? 'You will see it here as a draft to review before anyone is told.'
              : 'It is published as soon as it is made.'}{' '}
            Change the schedule in <Link href={hrefOf('settings')}>Settings</Link>.
          </>
        ) : (
          'Your partner appears here once it is published.'
        )}
      </EmptyState>
      {isOwner && (
        <div className={styles.actions}>
          <BusyButton
            appearance="primary"
            busy={make.state.status === 'saving'}
            busyLabel="Making a round…"
            onClick={() => void makeNow()}
          >
            Make a round now
          </BusyButton>
          <SaveFeedback
            save={make}
            successTitle="Round made"
            failureTitle="The round could not be made"
          />
        </div>
      )}
    </>
  );
}
