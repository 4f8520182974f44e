import {
  Badge,
  Body1,
  Caption1,
  Card,
  Field,
  Link,
  Radio,
  RadioGroup,
  Select,
  Switch,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, type FormEvent, type ReactNode } from 'react';
import {
  ProgramResSchema,
  ProgramUpdateSchema,
  RoundResSchema,
  type ProgramDto,
  type ProgramKind,
  type ProgramUpdateReq,
  type RoundDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { fieldProps } from '../../ui/form-errors';
import { formatWhen } from '../../ui/format';
import {
  cadenceLabels,
  cadences,
  groupSizeLabels,
  hourLabel,
  programDescriptions,
  programLabels,
  scheduleSummary,
  weekdays,
  type Cadence,
} from './programs';
import { pairingsHref } from '../../app/routes';
import { deviceTimeZone } from '../../ui/time-zones';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programsKey } from './use-programs';
import { useSettingsForm } from '../../ui/use-settings-form';
import { FormActions } from '../../ui/form-actions';
import { NumberSelectField } from '../../ui/number-select-field';
import { BusyButton, SaveButton, SaveFeedback } from '../../ui/save-feedback';
import { SummaryList } from '../../ui/summary-list';
import { TimeZoneField } from '../../ui/time-zone-field';

const HOURS = Array.from({ length: 24 }, (_unused, hour) => ({
  value: hour,
  label: hourLabel(hour),
}));
const SPRINT_WEEKS = [1, 2, 3, 4].map((weeks) => ({
  value: weeks,
  label: weeks === 1 ? '1 week' : `${weeks} weeks`,
}));

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalM,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  next: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
});

function draftOf(program: ProgramDto): ProgramUpdateReq {
  return {
    enabled: program.enabled,
    cadence: program.cadence,
    weekday: program.weekday,
    hour: program.hour,
    // A program nobody has set up yet runs on this owner's clock unless they choose otherwise.
    timeZone: program.updatedAt === null ? deviceTimeZone() : program.timeZone,
    groupSize: program.groupSize,
    preview: program.preview,
    sprintWeeks: program.sprintWeeks,
  };
}

const sameDraft = (a: ProgramUpdateReq, b: ProgramUpdateReq) =>
  (Object.keys(a) as (keyof ProgramUpdateReq)[]).every((key) => a[key] === b[key]);

function NextRound({ program }: { program: ProgramDto }) {
  const styles = useStyles();
  if (!program.enabled) return <Body1 className={styles.next}>Off: no rounds are made.</Body1>;
  return (
    <Body1 className={styles.next}>
      {program.nextRunAt ? (
        <>
          Next round: <time dateTime={program.nextRunAt}>{formatWhen(program.nextRunAt)}</time>{' '}
          (your time)
        </>
      ) : (
        'Next round: not scheduled yet.'
      )}
    </Body1>
  );
}

/** A program's card: its name, whether it runs, and what it does, above `children`. */
function ProgramCard({
  kind,
  enabled,
  children,
}: {
  kind: ProgramKind;
  enabled: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h3 id={headingId} className={styles.title}>
          {programLabels[kind]}
        </h3>
        <Badge appearance="tint" color={enabled ? 'success' : 'subtle'} size="small">
          {enabled ? 'On' : 'Off'}
        </Badge>
      </div>
      <Body1 as="p" className={styles.description}>
        {programDescriptions[kind]}
      </Body1>
      {children}
    </Card>
  );
}

/** Owner: one program's schedule and shape, saved on its own, and a round made on demand. */
export function ProgramEditor({
  teamId,
  program,
  onSaved,
}: {
  teamId: string;
  program: ProgramDto;
  onSaved?: (program: ProgramDto) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const queryClient = useQueryClient();
  const hintId = useId();
  const label = programLabels[program.kind];
  const form = useSettingsForm({
    saved: program,
    draftOf,
    schema: ProgramUpdateSchema,
    send: async (body) => {
      const path = teamPath(teamId, `/programs/${program.kind}`);
      const { data } = await api.put(path, body, ProgramResSchema);
      queryClient.setQueryData<ProgramDto[]>(programsKey(teamId), (programs) =>
        programs?.map((p) => (p.kind === data.kind ? data : p)),
      );
      return data;
    },
    describe: (next) =>
      next.enabled
        ? next.nextRunAt
          ? `${label} is on. The next round is due ${formatWhen(next.nextRunAt)}.`
          : `${label} is on.`
        : `${label} is off: no more rounds are made.`,
  });
  const { saved, draft, set, save, error } = form;
  const makeRound = useMutation({
    mutationFn: async () =>
      (await api.post(teamPath(teamId, `/programs/${program.kind}/rounds`), {}, RoundResSchema))
        .data,
  });
  const made: RoundDto | undefined = makeRound.data;
  const dirty = !sameDraft(draft, draftOf(saved)) || saved.updatedAt === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    makeRound.reset();
    const result = await form.submit();
    if (result) onSaved?.(result);
  };

  const roundNow = () => {
    save.reset();
    if (!makeRound.isPending) makeRound.mutate();
  };

  const canMakeRound = saved.enabled && saved.updatedAt !== null;

  return (
    <ProgramCard kind={program.kind} enabled={saved.enabled}>
      <form
        className={styles.form}
        aria-label={`${label} settings`}
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <Field {...fieldProps(error, 'enabled')}>
          <Switch
            label={`Run ${label.toLowerCase()}`}
            checked={draft.enabled}
            onChange={(_event, data) => set({ enabled: data.checked })}
          />
        </Field>
        {draft.enabled ? (
          <div className={styles.grid}>
            <Field label="How often" {...fieldProps(error, 'cadence')}>
              <Select
                value={draft.cadence}
                onChange={(_event, data) => set({ cadence: data.value as Cadence })}
              >
                {cadences.map((cadence) => (
                  <option key={cadence} value={cadence}>
                    {cadenceLabels[cadence]}
                  </option>
                ))}
              </Select>
            </Field>
            {draft.cadence === 'each_sprint' && (
              <NumberSelectField
                label="Sprint length"
                value={draft.sprintWeeks}
                options={SPRINT_WEEKS}
                onChange={(sprintWeeks) => set({ sprintWeeks })}
                {...fieldProps(error, 'sprintWeeks')}
              />
            )}
            <NumberSelectField
              label="Day"
              value={draft.weekday}
              options={weekdays}
              onChange={(weekday) => set({ weekday })}
              {...fieldProps(error, 'weekday')}
            />
            <NumberSelectField
              label="Hour"
              value={draft.hour}
              options={HOURS}
              onChange={(hour) => set({ hour })}
              {...fieldProps(error, 'hour')}
            />
            <TimeZoneField
              label="Time zone"
              value={draft.timeZone}
              onChange={(timeZone) => set({ timeZone })}
              {...fieldProps(error, 'timeZone')}
            />
            <Field label="Group size" className={styles.wide} {...fieldProps(error, 'groupSize')}>
              <RadioGroup
                value={String(draft.groupSize)}
                onChange={(_event, data) => set({ groupSize: data.value === '3' ? 3 : 2 })}
              >
                <Radio value="2" label={groupSizeLabels[2]} />
                <Radio value="3" label={groupSizeLabels[3]} />
              </RadioGroup>
            </Field>
            <Field
              className={styles.wide}
              hint="On: each new round waits as a draft for an owner to review, swap people and publish. Off: it is published, and everyone told, as soon as it is made."
              {...fieldProps(error, 'preview')}
            >
              <Switch
                label="Preview before publishing"
                checked={draft.preview}
                onChange={(_event, data) => set({ preview: data.checked })}
              />
            </Field>
          </div>
        ) : (
          <Caption1 className={styles.hint}>
            Switch it on to choose how often rounds are made and how people are grouped.
          </Caption1>
        )}
        <NextRound program={saved} />
        <FormActions>
          <SaveButton save={save}>Save {label.toLowerCase()}</SaveButton>
          <BusyButton
            busy={makeRound.isPending}
            busyLabel="Making a round…"
            disabledFocusable={!canMakeRound}
            aria-describedby={canMakeRound ? undefined : hintId}
            onClick={roundNow}
          >
            Make a round now
          </BusyButton>
          <Caption1 className={styles.hint} id={hintId}>
            {canMakeRound
              ? dirty
                ? 'A round made now uses the saved settings.'
                : undefined
              : 'Switch the program on and save before making a round.'}
          </Caption1>
        </FormActions>
        <div>
          <SaveFeedback
            save={save}
            message={form.message}
            successTitle={`${label} saved`}
            failureTitle={`${label} was not saved`}
          />
          <SaveFeedback
            save={makeRound}
            message={
              made?.status === 'draft'
                ? 'Only owners see it until it is published: review the groups, swap people if needed, then publish it.'
                : 'Everyone in it is being told who their partner is.'
            }
            successTitle={made?.status === 'draft' ? 'Draft round ready' : 'Round published'}
            successExtra={
              made && (
                <Link href={pairingsHref(program.kind)}>
                  {made.status === 'draft' ? 'Review it on Pairings' : 'See it on Pairings'}
                </Link>
              )
            }
            failureTitle="The round could not be made"
          />
        </div>
      </form>
    </ProgramCard>
  );
}

/** Member: what a program does and when, in words. */
export function ProgramSummary({ program }: { program: ProgramDto }) {
  const label = programLabels[program.kind];
  return (
    <ProgramCard kind={program.kind} enabled={program.enabled}>
      {program.enabled && (
        <SummaryList
          label={`${label} settings`}
          items={[
            { term: 'Schedule', value: scheduleSummary(program) },
            { term: 'Group size', value: groupSizeLabels[program.groupSize] },
            {
              term: 'Preview',
              value: program.preview
                ? 'An owner reviews each round before it is published.'
                : 'Rounds are published as soon as they are made.',
            },
          ]}
        />
      )}
      <NextRound program={program} />
    </ProgramCard>
  );
}
