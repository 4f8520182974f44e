import { Field, Input, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import {
  CompactSettingsResSchema,
  CompactSettingsUpdateSchema,
  type CompactSettingsDto,
} from '../../../api/contract';
import { adoptionRuleLabels, type AdoptionRule } from './compact';
import { fieldProps } from '../../ui/form-errors';
import { formatDay } from '../../ui/format';
import { useSettingsForm } from '../../ui/use-settings-form';
import { NumberSelectField } from '../../ui/number-select-field';
import {
  SettingsCard,
  SettingsForm,
  SettingsSaveActions,
  SettingsSection,
  type SettingsCardProps,
} from '../../ui/settings-section';
import { SummaryList } from '../../ui/summary-list';

const months = (count: number) => (count === 1 ? '1 month' : `${count} months`);
const CADENCES = Array.from({ length: 12 }, (_unused, i) => ({
  value: i + 1,
  label: i + 1 === 3 ? `${months(3)} (every quarter)` : months(i + 1),
}));
const rules: readonly AdoptionRule[] = ['owner', 'majority'];
const ruleHints: Record<AdoptionRule, string> = {
  owner: 'Members endorse or object; a team owner adopts or declines.',
  majority:
    'Adopted as soon as more than half of the members taking part endorse it, and more endorse than object. Owners can still adopt or decline.',
};

const draftOf = (settings: CompactSettingsDto) => ({
  adoptionRule: settings.adoptionRule as string,
  reviewEveryMonths: settings.reviewEveryMonths,
  nextReviewOn: settings.nextReviewOn,
});

const useStyles = makeStyles({
  short: { maxWidth: '260px' },
});

/** The compact: who adopts proposals, and when the team reviews it (owners change these). */
export function CompactSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  return (
    <SettingsSection
      teamId={teamId}
      isOwner={isOwner}
      title="Support Compact"
      path="/compact-settings"
      schema={CompactSettingsResSchema}
      loadingLabel="Loading the compact settings…"
      errorTitle="The compact settings could not be loaded"
      card={CompactSettingsCard}
    />
  );
}

function CompactSettingsCard({
  saved: initial,
  isOwner,
  send,
}: SettingsCardProps<CompactSettingsDto>) {
  const styles = useStyles();
  const form = useSettingsForm({
    saved: initial,
    draftOf,
    schema: CompactSettingsUpdateSchema,
    send,
    describe: (next) =>
      `${adoptionRuleLabels[next.adoptionRule]}; the next review is on ${formatDay(next.nextReviewOn)}, then every ${months(next.reviewEveryMonths)}.`,
  });
  const { saved, draft, set, save, error } = form;
  const reminders = `Reminders go out at 9:00 in ${saved.reviewTimeZone}, a week before and on the day.`;

  return (
    <SettingsCard
      label="Support Compact"
      description={
        <>
          How the team changes its compact, and how often it reads it again together. The team
          channel and the Culture Guardian are reminded of each review.
        </>
      }
    >
      {isOwner ? (
        <SettingsForm label="Compact settings" onSubmit={form.submit}>
          <Field
            label="Who adopts proposals"
            hint={ruleHints[draft.adoptionRule as AdoptionRule] ?? undefined}
            {...fieldProps(error, 'adoptionRule')}
          >
            <RadioGroup
              value={draft.adoptionRule}
              onChange={(_event, data) => set({ adoptionRule: data.value })}
            >
              {rules.map((rule) => (
                <Radio
                  key={rule}
                  value={rule}
                  label={
                    rule === 'owner'
                      ? 'A team owner decides'
                      : 'A majority of the members taking part'
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <NumberSelectField
            label="Review the compact every"
            className={styles.short}
            value={draft.reviewEveryMonths}
            options={CADENCES}
            onChange={(reviewEveryMonths) => set({ reviewEveryMonths })}
            {...fieldProps(error, 'reviewEveryMonths')}
          />
          <Field
            label="Next review"
            className={styles.short}
            hint={reminders}
            {...fieldProps(error, 'nextReviewOn', 'reviewTimeZone')}
          >
            <Input
              type="date"
              value={draft.nextReviewOn}
              onChange={(_event, data) => set({ nextReviewOn: data.value })}
            />
          </Field>
          <SettingsSaveActions
            save={save}
            message={form.message}
            label="Save compact settings"
            successTitle="Compact settings saved"
            failureTitle="The compact settings were not saved"
          />
        </SettingsForm>
      ) : (
        <SummaryList
          label="Compact settings"
          items={[
            { term: 'Proposals', value: adoptionRuleLabels[saved.adoptionRule] },
            { term: 'Next review', value: formatDay(saved.nextReviewOn) },
            { term: 'Reviewed', value: `Every ${months(saved.reviewEveryMonths)}` },
            { term: 'Reminders', value: reminders },
          ]}
        />
      )}
    </SettingsCard>
  );
}
