import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PULSE_ANSWERS_PATH,
  PulseResSchema,
  PulsesResSchema,
  type PulseDto,
  type PulsesDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { PulseAnswerForm, type PulseAnswerBody } from './pulse-answer-form';
import { PulseResults } from './pulse-results';
import { PulseStartDialog, type PulseStartBody } from './pulse-start-dialog';
import { SaveFeedback } from '../../ui/save-feedback';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';
import { formatDate } from '../../ui/format';
import { teamKey, useApiQuery } from '../../app/team-query';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  closed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

/**
 * The anonymous pulse: the open pulse's questions (or "you answered"), an owner's or the Culture
 * Guardian's start and close, and closed pulses with their results, or why they are withheld.
 */
export function PulsePage() {
  const { teamId = '', api } = useAppContext();
  const queryClient = useQueryClient();
  const key = teamKey(teamId, 'pulses');
  const pulses = useApiQuery(key, async (client, signal) => {
    const res = await client.get(teamPath(teamId, '/pulses'), PulsesResSchema, signal);
    return res.data;
  });
  const refresh = () => void pulses.refetch();
  const refreshing = pulses.isFetching && pulses.data !== undefined;
  const refreshError = pulses.isRefetchError ? pulses.error : undefined;
  const [starting, setStarting] = useState(false);

  // Each answer is the pulse as it is now: it replaces the cached one (a new one goes first).
  const cache = (pulse: PulseDto) => {
    queryClient.setQueryData<PulsesDto>(key, (data) => data && withPulse(data, pulse));
    return pulse;
  };
  const start = async (body: PulseStartBody) =>
    cache((await api.post(teamPath(teamId, '/pulses'), body, PulseResSchema)).data);
  // Team and pulse in the body: the URL, which access logs keep, names no pulse.
  const answer = async (pulseId: string, body: PulseAnswerBody) =>
    cache((await api.post(PULSE_ANSWERS_PATH, { ...body, teamId, pulseId }, PulseResSchema)).data);
  const close = async (pulseId: string) =>
    cache((await api.post(teamPath(teamId, `/pulses/${pulseId}/close`), {}, PulseResSchema)).data);

  return (
    <PageLayout
      title="Team pulse"
      description="A few anonymous questions on how safe it feels to ask for help here. Nobody, owners included, can see who answered what."
      actions={
        pulses.data && (
          <Button onClick={refresh} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        )
      }
    >
      {refreshError && (
        <ErrorState
          title="The pulse could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <QueryView
        query={pulses}
        loadingLabel="Loading pulses…"
        errorTitle="Pulses could not be loaded"
      >
        {(data) => (
          <PulseSections
            data={data}
            starting={starting}
            setStarting={setStarting}
            start={start}
            answer={answer}
            close={close}
          />
        )}
      </QueryView>
    </PageLayout>
  );
}

function PulseSections({
  data,
  starting,
  setStarting,
  start,
  answer,
  close,
}: {
  data: PulsesDto;
  starting: boolean;
  setStarting: (open: boolean) => void;
  start: (body: PulseStartBody) => Promise<unknown>;
  answer: (pulseId: string, body: PulseAnswerBody) => Promise<unknown>;
  close: (pulseId: string) => Promise<unknown>;
}) {
  const styles = useStyles();
  const open = data.pulses.find((p) => p.status === 'open');
  const closed = data.pulses.filter((p) => p.status === 'closed');
  return (
    <div className={styles.sections}>
      {open ? (
        <OpenPulse pulse={open} data={data} answer={answer} close={close} />
      ) : (
        <PageSection title="Open pulse">
          <Body1 as="p">No pulse is open right now.</Body1>
          {data.canRun && (
            <div>
              <Button appearance="primary" onClick={() => setStarting(true)}>
                Start a pulse
              </Button>
            </div>
          )}
        </PageSection>
      )}
      {data.canRun && (
        <PulseStartDialog
          open={starting}
          onOpenChange={setStarting}
          limits={data.limits}
          start={start}
        />
      )}
      <PageSection title="Past pulses">
        {closed.length === 0 ? (
          <EmptyState title="No results yet" headingLevel={3}>
            Closed pulses and their results appear here.
          </EmptyState>
        ) : (
          <div className={styles.closed}>
            {closed.map((pulse) => (
              <section
                key={pulse.id}
                aria-label={`Pulse closed on ${formatDate(pulse.closedAt ?? '')}`}
              >
                <Body1 as="h3" style={{ fontWeight: tokens.fontWeightSemibold }}>
                  Closed on {formatDate(pulse.closedAt ?? pulse.closesAt)}
                </Body1>
                <PulseResults pulse={pulse} />
              </section>
            ))}
          </div>
        )}
      </PageSection>
    </div>
  );
}

function OpenPulse({
  pulse,
  data,
  answer,
  close,
}: {
  pulse: PulseDto;
  data: PulsesDto;
  answer: (pulseId: string, body: PulseAnswerBody) => Promise<unknown>;
  close: (pulseId: string) => Promise<unknown>;
}) {
  const [confirming, setConfirming] = useState(false);
  const closing = useMutation({ mutationFn: () => close(pulse.id) });
  return (
    <PageSection title="Open pulse">
      <Body1 as="p">
        Open until {formatDate(pulse.closesAt)}. Results need more than {pulse.minAnswers} answers.
      </Body1>
      {pulse.can?.answer ? (
        <PulseAnswerForm
          pulse={pulse}
          limits={data.limits}
          send={(body) => answer(pulse.id, body)}
        />
      ) : (
        pulse.answeredByMe && (
          <Body1 as="p">
            You answered; results appear after it closes on {formatDate(pulse.closesAt)}.
          </Body1>
        )
      )}
      {pulse.can?.close && (
        <div>
          <Button onClick={() => setConfirming(true)} disabled={closing.isPending}>
            Close now
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Close the pulse now?"
            confirmLabel="Close now"
            cancelLabel="Keep it open"
            onConfirm={() => {
              closing.mutate();
            }}
          >
            Nobody can answer once it is closed, and its results are shown (if enough people
            answered). It cannot be reopened.
          </ConfirmDialog>
          <SaveFeedback
            save={closing}
            message="Closed."
            failureTitle="The pulse was not closed"
            successTitle="Closed"
          />
        </div>
      )}
    </PageSection>
  );
}

const withPulse = (data: PulsesDto, pulse: PulseDto): PulsesDto => ({
  ...data,
  pulses: data.pulses.some((p) => p.id === pulse.id)
    ? data.pulses.map((p) => (p.id === pulse.id ? pulse : p))
    : [pulse, ...data.pulses],
});
