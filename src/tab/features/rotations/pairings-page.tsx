import {
  Body1,
  CounterBadge,
  Link,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import {
  MeResSchema,
  MembersResSchema,
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
import { EmptyState, ErrorState, QueryView, allOf } from '../../ui/state-views';
import { usePrograms } from './use-programs';
import { formatDate, formatWhen } from '../../ui/format';
import { programLabels, isProgramKind } from './programs';
import { hashParam, hrefOf, replaceHashParam } from '../../app/routes';
import { teamKey, useApiQuery } from '../../app/team-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';

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
  const programs = usePrograms(teamId);
  const team = useApiQuery(teamKey(teamId, 'summary'), async (api, signal) => {
    return (await api.get(teamPath(teamId), TeamResSchema, signal)).data;
  });
  const me = useApiQuery(['me'], async (api, signal) => {
    return (await api.get('/api/me', MeResSchema, signal)).data;
  });
  const members = useApiQuery(teamKey(teamId, 'members'), async (api, signal) => {
    const { data } = await api.get(teamPath(teamId, '/members'), MembersResSchema, signal);
    return [...data].sort((a, b) => a.name.localeCompare(b.name));
  });
  // The page's two parts, each shown once what it needs has loaded.
  const overview = allOf([programs, team, me], () => ({
    programs: programs.data ?? [],
    isOwner: team.data?.can?.editSettings === true,
    meId: me.data?.user.id ?? '',
  }));
  const roster = allOf([members, me], () => ({
    members: members.data ?? [],
    meId: me.data?.user.id ?? '',
  }));

  return (
    <PageLayout
      title="Pairings"
      description="Who you are paired with in each of the team’s programs, and why."
    >
      <QueryView
        query={overview}
        loadingLabel="Loading the pairings…"
        errorTitle="The pairings could not be loaded"
      >
        {({ programs, isOwner, meId }) => (
          <Programs teamId={teamId} programs={programs} isOwner={isOwner} meId={meId} />
        )}
      </QueryView>
      <QueryView
        query={roster}
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
      </QueryView>
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
  const rounds = useApiQuery(teamKey(teamId, 'rounds', program.kind), async (api, signal) => {
    const path = teamPath(teamId, `/rounds?program=${encodeURIComponent(program.kind)}`);
    return (await api.get(path, RoundsResSchema, signal)).data;
  });
  const queryClient = useQueryClient();
  // A swap, a publish, a check-in or progress answers with the round: it replaces the cached one.
  const update = useCallback(
    (round: RoundDto) =>
      queryClient.setQueryData<RoundsDto>(
        teamKey(teamId, 'rounds', program.kind),
        (list) => list && withRound(list, round),
      ),
    [queryClient, teamId, program.kind],
  );
  const { refetch } = rounds;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const refreshError = rounds.isRefetchError ? rounds.error : undefined;

  return (
    <>
      {refreshError && (
        <ErrorState
          title="The rounds could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <QueryView
        query={rounds}
        loadingLabel={`Loading ${programLabels[program.kind].toLowerCase()} rounds…`}
        errorTitle="The rounds could not be loaded"
      >
        {({ current, past }) => {
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
                <NoRoundYet teamId={teamId} program={program} isOwner={isOwner} onMade={update} />
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
      </QueryView>
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
  onMade: (round: RoundDto) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const make = useMutation({
    mutationFn: async () =>
      (await api.post(teamPath(teamId, `/programs/${program.kind}/rounds`), {}, RoundResSchema))
        .data,
    onSuccess: onMade,
  });
  const label = programLabels[program.kind];
  const when = program.nextRunAt
    ? `The first ${label.toLowerCase()} round is due ${formatWhen(program.nextRunAt)}.`
    : `${label} has no round scheduled yet.`;

  const makeNow = () => {
    if (!make.isPending) make.mutate();
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
            busy={make.isPending}
            busyLabel="Making a round…"
            onClick={makeNow}
          >
            Make a round now
          </BusyButton>
          <SaveFeedback
            save={make}
            message={
              make.data?.status === 'draft'
                ? 'The draft is below.'
                : 'Everyone in it is being told.'
            }
            successTitle="Round made"
            failureTitle="The round could not be made"
          />
        </div>
      )}
    </>
  );
}

type RoundsDto = { current: RoundDto | null; past: RoundDto[] };

/** The rounds with one as the server answered it: a made one becomes the current round. */
function withRound(list: RoundsDto, round: RoundDto): RoundsDto {
  if (list.current === null || list.current.id === round.id) return { ...list, current: round };
  return { ...list, past: list.past.map((r) => (r.id === round.id ? round : r)) };
}
