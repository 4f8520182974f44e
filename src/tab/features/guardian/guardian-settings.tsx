import {
  Body1,
  Caption1,
  Field,
  Switch,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { GuardianResSchema, GuardianUpdateSchema, type GuardianDto } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { fieldProps } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { useMutation } from '@tanstack/react-query';
import { useSettingsForm } from '../../ui/use-settings-form';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { NumberSelectField } from '../../ui/number-select-field';
import { BusyButton, SaveButton, SaveFeedback } from '../../ui/save-feedback';
import {
  SettingsCard,
  SettingsForm,
  SettingsSection,
  type SettingsCardProps,
} from '../../ui/settings-section';

const months = (count: number) => (count === 1 ? '1 month' : `${count} months`);
const TERMS = Array.from({ length: 12 }, (_unused, i) => ({ value: i + 1, label: months(i + 1) }));
const draftOf = (guardian: GuardianDto) => ({
  enabled: guardian.enabled,
  everyMonths: guardian.everyMonths,
});

const useStyles = makeStyles({
  term: { maxWidth: '220px' },
  subtitle: { ...typographyStyles.subtitle2, margin: 0 },
  current: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
  history: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

/** The Culture Guardian role: who holds it, who did, and (owners) how it rotates. */
export function GuardianSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  return (
    <SettingsSection
      teamId={teamId}
      isOwner={isOwner}
      title="Culture Guardian"
      path="/guardian"
      schema={GuardianResSchema}
      loadingLabel="Loading the Culture Guardian…"
      errorTitle="The Culture Guardian could not be loaded"
      card={GuardianCard}
    />
  );
}

function GuardianCard({
  teamId,
  saved: initial,
  setSaved,
  isOwner,
  send,
}: SettingsCardProps<GuardianDto>) {
  const styles = useStyles();
  const { api } = useAppContext();
  const historyId = useId();
  const form = useSettingsForm({
    saved: initial,
    draftOf,
    schema: GuardianUpdateSchema,
    send,
    describe: (next) =>
      next.enabled
        ? `The role rotates every ${months(next.everyMonths)}.`
        : 'The role no longer rotates.',
  });
  const { saved, draft, set, save, error } = form;
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: async () =>
      (await api.post(teamPath(teamId, '/guardian/rotate'), {}, GuardianResSchema)).data,
    onSuccess: setSaved,
  });
  const rotated = rotate.data
    ? rotate.data.current
      ? `${rotate.data.current.name} is the Culture Guardian now; the bot announces it to the team.`
      : 'Nobody could take the role: everyone is paused or has not opted in.'
    : '';

  const submit = async () => {
    rotate.reset();
    await form.submit();
  };

  const rotateNow = () => {
    if (rotate.isPending) return;
    save.reset();
    rotate.mutate();
  };

  return (
    <SettingsCard
      label="Culture Guardian"
      description={
        <>
          A member who facilitates check-ins and sees the team health view, for a term. The role
          rotates fairly: whoever served least recently goes next, skipping people who are paused.
        </>
      }
    >
      <div className={styles.current} role="group" aria-label="Current Culture Guardian">
        {saved.current ? (
          <>
            <Caption1 className={styles.detail}>Current Culture Guardian</Caption1>
            <Body1 className={styles.name}>{saved.current.name}</Body1>
            <Caption1 className={styles.detail}>
              Since {formatDate(saved.current.since)}, until {formatDate(saved.current.until)}
            </Caption1>
          </>
        ) : (
          <Body1 className={styles.detail}>
            {saved.enabled
              ? 'Nobody holds the role yet: the first guardian is chosen at the next rotation.'
              : 'The role is not in use in this team.'}
          </Body1>
        )}
      </div>

      {isOwner ? (
        <SettingsForm label="Culture Guardian settings" onSubmit={submit}>
          <Field {...fieldProps(error, 'enabled')}>
            <Switch
              label="Rotate a Culture Guardian"
              checked={draft.enabled}
              onChange={(_event, data) => set({ enabled: data.checked })}
            />
          </Field>
          {draft.enabled && (
            <NumberSelectField
              label="Each term lasts"
              className={styles.term}
              value={draft.everyMonths}
              options={TERMS}
              onChange={(everyMonths) => set({ everyMonths })}
              {...fieldProps(error, 'everyMonths')}
            />
          )}
          <div className={styles.actions}>
            <SaveButton save={save}>Save Culture Guardian</SaveButton>
            <BusyButton
              busy={rotate.isPending}
              busyLabel="Rotating…"
              disabledFocusable={!saved.enabled}
              onClick={() => setConfirming(true)}
            >
              Rotate now
            </BusyButton>
            {!saved.enabled && (
              <Caption1 className={styles.detail}>
                Switch the role on and save to rotate it.
              </Caption1>
            )}
          </div>
          <SaveFeedback
            save={save}
            message={form.message}
            successTitle="Culture Guardian saved"
            failureTitle="The Culture Guardian settings were not saved"
          />
          <SaveFeedback
            save={rotate}
            message={rotated}
            successTitle="Rotated"
            failureTitle="The role could not be rotated"
          />
        </SettingsForm>
      ) : (
        <Body1 className={styles.detail}>
          {saved.enabled
            ? `The role rotates every ${months(saved.everyMonths)}.`
            : 'Owners can switch the rotation on here.'}
        </Body1>
      )}

      <section aria-labelledby={historyId}>
        <h3 id={historyId} className={styles.subtitle}>
          Earlier guardians
        </h3>
        {saved.history.length === 0 ? (
          <Caption1 className={styles.detail}>Nobody has held the role before.</Caption1>
        ) : (
          <ol className={styles.history} aria-label="Earlier guardians, latest first">
            {saved.history.map((term) => (
              <li key={`${term.id}-${term.since}`}>
                {term.name}{' '}
                <Caption1 className={styles.detail}>from {formatDate(term.since)}</Caption1>
              </li>
            ))}
          </ol>
        )}
      </section>

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Rotate the Culture Guardian now?"
        confirmLabel="Rotate now"
        cancelLabel="Cancel"
        onConfirm={rotateNow}
      >
        {saved.current ? `${saved.current.name}’s term ends today. ` : ''}
        The next person is chosen fairly, and the bot announces them to the team.
      </ConfirmDialog>
    </SettingsCard>
  );
}
