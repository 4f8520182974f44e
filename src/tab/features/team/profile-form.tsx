import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SpinButton,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  ProfileResSchema,
  ProfileUpdateSchema,
  type ProfileDto,
  type ProfileUpdateReq,
  type SkillDto,
} from '../../../api/contract';
import { ApiRequestError, teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { fieldOf, fieldProps, invalidFrom } from '../../ui/form-errors';
import { formatDay, todayYmd } from '../../ui/format';
import { deviceTimeZone } from '../../ui/time-zones';
import { useMutation } from '@tanstack/react-query';
import { FormActions } from '../../ui/form-actions';
import { BusyButton, SaveButton, SaveFeedback } from '../../ui/save-feedback';
import { SkillsEditor, skillRow, skillsOf, type SkillRow } from './skills-editor';
import { TimeZoneField } from '../../ui/time-zone-field';

interface Draft {
  department: string;
  teaches: SkillRow[];
  learns: SkillRow[];
  optedIn: boolean;
  /** '' when not paused. */
  pausedUntil: string;
  /** null while the box holds no number. */
  availability: number | null;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

const DEFAULT_QUIET = { start: '18:00', end: '08:00' };

/** The server's default zone until someone picks one: the device's own zone is a better guess. */
const SERVER_DEFAULT_ZONE = 'UTC';

function draftOf(profile: ProfileDto, zoneGuess = false): Draft {
  const device = deviceTimeZone();
  return {
    department: profile.department,
    teaches: profile.teaches.map(skillRow),
    learns: profile.learns.map(skillRow),
    optedIn: profile.optedIn,
    pausedUntil: profile.pausedUntil ?? '',
    availability: profile.availabilityPerWeek,
    quietOn: profile.quietHours !== null,
    quietStart: profile.quietHours?.start ?? DEFAULT_QUIET.start,
    quietEnd: profile.quietHours?.end ?? DEFAULT_QUIET.end,
    timeZone: zoneGuess && profile.timeZone === SERVER_DEFAULT_ZONE ? device : profile.timeZone,
  };
}

const sameSkills = (a: readonly SkillDto[], b: readonly SkillDto[]) =>
  a.length === b.length && a.every((s, i) => s.name === b[i]?.name && s.level === b[i]?.level);

/** Only what changed: the rest stays as saved, even if it changed elsewhere meanwhile. */
function changesOf(draft: Draft, saved: ProfileDto): ProfileUpdateReq {
  const change: ProfileUpdateReq = {};
  const department = draft.department.trim();
  if (department !== saved.department) change.department = department;
  const teaches = skillsOf(draft.teaches);
  if (!sameSkills(teaches, saved.teaches)) change.teaches = teaches;
  const learns = skillsOf(draft.learns);
  if (!sameSkills(learns, saved.learns)) change.learns = learns;
  if (draft.optedIn !== saved.optedIn) change.optedIn = draft.optedIn;
  const pausedUntil = draft.pausedUntil || null;
  if (pausedUntil !== saved.pausedUntil) change.pausedUntil = pausedUntil;
  if (draft.availability !== saved.availabilityPerWeek)
    change.availabilityPerWeek = draft.availability ?? Number.NaN;
  const quietHours = draft.quietOn ? { start: draft.quietStart, end: draft.quietEnd } : null;
  if (quietHours?.start !== saved.quietHours?.start || quietHours?.end !== saved.quietHours?.end)
    change.quietHours = quietHours;
  if (draft.timeZone !== saved.timeZone) change.timeZone = draft.timeZone;
  return change;
}

/** The checks worth making before a round trip; the server makes them all again. */
function problemWith(change: ProfileUpdateReq): ApiRequestError | null {
  const invalid = (message: string, field: string) =>
    new ApiRequestError(message, { code: 'invalid', status: 400, field });
  if (change.availabilityPerWeek !== undefined && Number.isNaN(change.availabilityPerWeek))
    return invalid('Enter a number of help requests a week, 0 to 50.', 'availabilityPerWeek');
  if (change.pausedUntil && change.pausedUntil < todayYmd())
    return invalid(
      'Choose today or a later day. To take part again, clear the date or use Resume now.',
      'pausedUntil',
    );
  if (change.quietHours && change.quietHours.start === change.quietHours.end)
    return invalid('Quiet hours need different start and end times.', 'quietHours');
  const parsed = ProfileUpdateSchema.safeParse(change);
  return parsed.success ? null : invalidFrom(parsed.error);
}

const isPaused = (profile: ProfileDto) =>
  profile.pausedUntil !== null && profile.pausedUntil >= todayYmd();

const useStyles = makeStyles({
  card: {
    maxWidth: '720px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groupTitle: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  inline: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  short: { width: '220px', maxWidth: '100%' },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    maxWidth: '420px',
  },
  zoneField: { alignSelf: 'stretch' },
  paused: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

/** The signed-in member's own profile and boundaries in one team, as an editable form. */
export function ProfileForm({
  teamId,
  profile,
  onSaved,
}: {
  teamId: string;
  profile: ProfileDto;
  onSaved: (profile: ProfileDto) => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const base = useId();
  const ids = {
    department: `${base}-department`,
    teaches: `${base}-teaches`,
    learns: `${base}-learns`,
    optedIn: `${base}-opted-in`,
    pausedUntil: `${base}-paused-until`,
    availabilityPerWeek: `${base}-availability`,
    quietHours: `${base}-quiet`,
    timeZone: `${base}-time-zone`,
  };
  const [saved, setSaved] = useState(profile);
  const [draft, setDraft] = useState(() => draftOf(profile, true));
  const put = async (body: unknown) =>
    (await api.put(teamPath(teamId, '/profile'), body, ProfileResSchema)).data;
  // A refusal checked here is the save's error too, so it shows by its field the same way.
  const save = useMutation({
    mutationFn: (body: ProfileUpdateReq | ApiRequestError) =>
      body instanceof ApiRequestError ? Promise.reject(body) : put(body),
    onSuccess: (result) => {
      setSaved(result);
      setDraft(draftOf(result));
      onSaved(result);
    },
  });
  const resume = useMutation({
    mutationFn: () => put({ pausedUntil: null }),
    onSuccess: (result) => {
      setSaved(result);
      set({ pausedUntil: '' });
      onSaved(result);
    },
  });
  const error = save.error ?? undefined;
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const change = changesOf(draft, saved);
  const dirty = Object.keys(change).length > 0;
  const device = deviceTimeZone();

  // A failed save takes the keyboard to the field it names, so the message is read in context.
  const failedField = fieldOf(error);
  useEffect(() => {
    if (!failedField) return;
    const target = document.getElementById(ids[failedField as keyof typeof ids] ?? '');
    const focusable = target?.matches('input, select, button')
      ? target
      : target?.querySelector<HTMLElement>('input, select, button');
    focusable?.focus();
    // Only when a new failure arrives, not on every keystroke after it.
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) {
      save.reset();
      return;
    }
    const problem = problemWith(change);
    if (save.isPending) return;
    save.mutate(problem ?? change);
  };

  const resumeNow = () => {
    save.reset();
    if (!resume.isPending) resume.mutate();
  };

  return (
    <Card className={styles.card}>
      <form
        className={styles.form}
        aria-label="Edit your profile"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        {!saved.optedIn && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>You are not taking part yet</MessageBarTitle>
              Nobody is paired with you or nudged about you until you switch on “Take part” below
              and save.
            </MessageBarBody>
          </MessageBar>
        )}

        <section className={styles.group} aria-labelledby={`${base}-taking-part`}>
          <Subtitle2 as="h3" id={`${base}-taking-part`} className={styles.groupTitle}>
            Taking part
          </Subtitle2>
          <Field
            hint="Until you switch this on, Mutual leaves you out of every round and never nudges you to help. Switch it off at any time."
            {...fieldProps(error, 'optedIn')}
          >
            <Switch
              id={ids.optedIn}
              label="Take part in pairings and help nudges"
              checked={draft.optedIn}
              onChange={(_event, data) => set({ optedIn: data.checked })}
            />
          </Field>
          <div className={styles.inline}>
            <Field
              label="Pause until"
              hint="Left out of rounds and help nudges through this day. No reason needed."
              {...fieldProps(error, 'pausedUntil')}
            >
              <Input
                className={styles.short}
                id={ids.pausedUntil}
                type="date"
                min={todayYmd()}
                value={draft.pausedUntil}
                onChange={(_event, data) => set({ pausedUntil: data.value })}
              />
            </Field>
          </div>
          {isPaused(saved) && (
            <div className={styles.paused}>
              <Body1>You are paused until {formatDay(saved.pausedUntil ?? '')}, included.</Body1>
              <BusyButton busy={resume.isPending} busyLabel="Resuming…" onClick={resumeNow}>
                Resume now
              </BusyButton>
            </div>
          )}
          <SaveFeedback
            save={resume}
            message="You take part again from the next round."
            successTitle="Pause ended"
            failureTitle="Your pause could not be ended"
          />
        </section>

        <section className={styles.group} aria-labelledby={`${base}-about`}>
          <Subtitle2 as="h3" id={`${base}-about`} className={styles.groupTitle}>
            About you
          </Subtitle2>
          <Field
            label="Department"
            hint="Pairings favour people from other departments."
            {...fieldProps(error, 'department')}
          >
            <Input
              id={ids.department}
              value={draft.department}
              maxLength={80}
              onChange={(_event, data) => set({ department: data.value })}
            />
          </Field>
          <div id={ids.teaches}>
            <SkillsEditor
              legend="Skills you can teach"
              hint="What you could show a teammate. Skill-share pairs are made from these."
              noun="skill to teach"
              rows={draft.teaches}
              onChange={(teaches) => set({ teaches })}
              error={fieldOf(error) === 'teaches' ? error?.message : undefined}
            />
          </div>
          <div id={ids.learns}>
            <SkillsEditor
              legend="Skills you want to learn"
              hint="What you would like a teammate to show you."
              noun="skill to learn"
              rows={draft.learns}
              onChange={(learns) => set({ learns })}
              error={fieldOf(error) === 'learns' ? error?.message : undefined}
            />
          </div>
        </section>

        <section className={styles.group} aria-labelledby={`${base}-boundaries`}>
          <Subtitle2 as="h3" id={`${base}-boundaries`} className={styles.groupTitle}>
            Boundaries
          </Subtitle2>
          <Field
            label="Help requests a week"
            hint="How many you are willing to take on in a week. Mutual stops asking you once you reach it."
            {...fieldProps(error, 'availabilityPerWeek')}
          >
            <SpinButton
              className={styles.short}
              id={ids.availabilityPerWeek}
              min={0}
              max={50}
              value={draft.availability}
              onChange={(_event, data) => {
                const typed =
                  data.value ??
                  (data.displayValue === undefined
                    ? Number.NaN
                    : Number.parseInt(data.displayValue, 10));
                set({ availability: Number.isFinite(typed) ? typed : null });
              }}
            />
          </Field>
          <Field
            hint="Mutual sends you nothing between these times, read in your time zone. They may cross midnight."
            {...(draft.quietOn ? {} : fieldProps(error, 'quietHours'))}
          >
            <Switch
              label="Keep quiet hours"
              checked={draft.quietOn}
              onChange={(_event, data) => set({ quietOn: data.checked })}
            />
          </Field>
          {draft.quietOn && (
            <div
              className={styles.inline}
              id={ids.quietHours}
              role="group"
              aria-label="Quiet hours"
            >
              <Field
                label="Quiet from"
                className={styles.short}
                {...fieldProps(error, 'quietHours')}
              >
                <Input
                  type="time"
                  value={draft.quietStart}
                  onChange={(_event, data) => set({ quietStart: data.value })}
                />
              </Field>
              <Field label="Quiet until" className={styles.short}>
                <Input
                  type="time"
                  value={draft.quietEnd}
                  onChange={(_event, data) => set({ quietEnd: data.value })}
                />
              </Field>
            </div>
          )}
          <div className={styles.zone} id={ids.timeZone}>
            <TimeZoneField
              className={styles.zoneField}
              label="Time zone"
              value={draft.timeZone}
              onChange={(timeZone) => set({ timeZone })}
              hint={
                draft.timeZone !== saved.timeZone && draft.timeZone === device
                  ? 'Taken from this device; saved when you save.'
                  : 'Your quiet hours and pause dates are read in this zone.'
              }
              {...fieldProps(error, 'timeZone')}
            />
            {draft.timeZone !== device && (
              <Button
                appearance="transparent"
                size="small"
                onClick={() => set({ timeZone: device })}
              >
                Use this device’s zone ({device})
              </Button>
            )}
          </div>
        </section>

        <FormActions>
          <SaveButton save={save}>Save profile</SaveButton>
          <Caption1 className={styles.unsaved} aria-live="polite">
            {dirty ? 'You have unsaved changes.' : 'Everything is saved.'}
          </Caption1>
        </FormActions>
        <SaveFeedback
          save={save}
          message="Your profile is up to date."
          successTitle="Profile saved"
          failureTitle="Your profile was not saved"
        />
      </form>
    </Card>
  );
}
