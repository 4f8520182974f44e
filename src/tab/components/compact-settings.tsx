import {
  Body1,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent } from 'react';
import {
  CompactSettingsResSchema,
  CompactSettingsUpdateSchema,
  type CompactSettingsDto,
} from '../../api/contract';
import { teamPath } from '../api-client';
import { useAppContext } from '../app-context';
import { adoptionRuleLabels, type AdoptionRule } from '../compact';
import { fieldProps } from '../form-errors';
import { formatDay } from '../format';
import { useResource } from '../use-resource';
import { useSettingsForm } from '../use-settings-form';
import { FormActions } from './form-actions';
import { NumberSelectField } from './number-select-field';
import { PageSection } from './page-layout';
import { SaveButton, SaveFeedback } from './save-feedback';
import { ResourceView } from './state-views';
import { SummaryList } from './summary-list';

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
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  short: { maxWidth: '260px' },
});

/** The compact: who adopts proposals, and when the team reviews it (owners change these). */
export function CompactSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  const settings = useResource(`compact-settings:${teamId}`, async (api, signal) => {
    return (await api.get(teamPath(teamId, '/compact-settings'), CompactSettingsResSchema, signal))
      .data;
  });
  return (
    <PageSection title="Support Compact">
      <ResourceView
        handle={settings}
        loadingLabel="Loading the compact settings…"
        errorTitle="The compact settings could not be loaded"
      >
        {(data) => <CompactSettingsCard teamId={teamId} initial={data} isOwner={isOwner} />}
      </ResourceView>
    </PageSection>
  );
}

function CompactSettingsCard({
  teamId,
  initial,
  isOwner,
}: {
  teamId: string;
  initial: CompactSettingsDto;
  isOwner: boolean;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const form = useSettingsForm({
    initial,
    draftOf,
    schema: CompactSettingsUpdateSchema,
    send: async (body) =>
      (await api.put(teamPath(teamId, '/compact-settings'), body, CompactSettingsResSchema)).data,
    describe: (next) =>
      `${adoptionRuleLabels[next.adoptionRule]}; the next review is on ${formatDay(next.nextReviewOn)}, then every ${months(next.reviewEveryMonths)}.`,
  });
  const { saved, draft, set, save, error } = form;
  const reminders = `Reminders go out at 9:00 in ${saved.reviewTimeZone}, a week before and on the day.`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit();
  };

  return (
    <Card className={styles.card} aria-label="Support Compact">
      <Body1 as="p" className={styles.description}>
        How the team changes its compact, and how often it reads it again together. The team channel
        and the Culture Guardian are reminded of each review.
      </Body1>
      {isOwner ? (
        <form
          className={styles.form}
          aria-label="Compact settings"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
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
          <FormActions>
            <SaveButton save={save}>Save compact settings</SaveButton>
          </FormActions>
          <SaveFeedback
            save={save}
            successTitle="Compact settings saved"
            failureTitle="The compact settings were not saved"
          />
        </form>
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
    </Card>
  );
}
