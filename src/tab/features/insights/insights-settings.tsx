import { Field, Input, makeStyles } from '@fluentui/react-components';
import {
  InsightSettingsChangeSchema,
  InsightSettingsResSchema,
  type InsightSettingsDto,
} from '../../../api/contract';
import { ApiRequestError } from '../../app/api-client';
import { fieldProps } from '../../ui/form-errors';
import { useSettingsForm } from '../../ui/use-settings-form';
import {
  SettingsCard,
  SettingsForm,
  SettingsSaveActions,
  SettingsSection,
  type SettingsCardProps,
} from '../../ui/settings-section';
import { SummaryList } from '../../ui/summary-list';

/** The bounds the server holds the alert to, said in the hints and checked before sending. */
const BOUNDS = {
  helperLoadPercent: { min: 10, max: 90, what: 'The helper-load threshold is a whole percent' },
  helperLoadMinRequests: {
    min: 1,
    max: 100,
    what: 'The least number of helped requests is a whole number',
  },
} as const;
type Key = keyof typeof BOUNDS;

const draftOf = (settings: InsightSettingsDto) => ({
  helperLoadPercent: settings.helperLoadPercent,
  helperLoadMinRequests: settings.helperLoadMinRequests,
});

const whoHears =
  'The Culture Guardian, in a private message; the owners when there is no guardian or the guardian is the person.';

const useStyles = makeStyles({
  short: { maxWidth: '320px' },
});

const requests = (count: number) => (count === 1 ? '1 request' : `${count} requests`);
const describe = (s: InsightSettingsDto) =>
  `The Culture Guardian hears when one person gives more than ${s.helperLoadPercent}% of the team’s help over 4 weeks and has helped with at least ${requests(s.helperLoadMinRequests)}.`;

/** A number the field holds outside its bounds, as the server would refuse it. */
function outOfBounds(draft: Record<Key, number>): ApiRequestError | undefined {
  for (const key of Object.keys(BOUNDS) as Key[]) {
    const { min, max, what } = BOUNDS[key];
    const value = draft[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      return new ApiRequestError(`${what} from ${min} to ${max}.`, {
        code: 'invalid',
        status: 400,
        field: key,
      });
    }
  }
  return undefined;
}

/** The helper-load alert: when one person carries too much of the help (owners change it). */
export function InsightSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  return (
    <SettingsSection
      teamId={teamId}
      isOwner={isOwner}
      title="Helper load"
      path="/insight-settings"
      schema={InsightSettingsResSchema}
      loadingLabel="Loading the helper-load settings…"
      errorTitle="The helper-load settings could not be loaded"
      whenForbidden={
        <>
          When one person gives a large share of the team’s help, Mutual tells the Culture Guardian
          privately so the load can be shared. Team owners set when that happens.
        </>
      }
      card={InsightSettingsCard}
    />
  );
}

function InsightSettingsCard({
  saved: initial,
  isOwner,
  send,
}: SettingsCardProps<InsightSettingsDto>) {
  const styles = useStyles();
  const form = useSettingsForm({
    saved: initial,
    draftOf,
    schema: InsightSettingsChangeSchema,
    send,
    describe,
    refuse: outOfBounds,
  });
  const { saved, draft, set, save, error } = form;

  // A number input reports '' while what is typed is not a number yet: kept as NaN, refused on save.
  const numberInput = (key: Key) => (
    <Input
      type="number"
      inputMode="numeric"
      min={BOUNDS[key].min}
      max={BOUNDS[key].max}
      step={1}
      value={Number.isNaN(draft[key]) ? '' : String(draft[key])}
      onChange={(_event, data) => set({ [key]: data.value === '' ? NaN : Number(data.value) })}
    />
  );

  return (
    <SettingsCard
      label="Helper load"
      description={
        <>
          Mutual tells the Culture Guardian, privately, when one person has given a large share of
          the team’s help over the last 4 weeks, so the load can be shared before it wears them out.
          Insights are shown to team owners and the Culture Guardian.
        </>
      }
    >
      {isOwner ? (
        <SettingsForm label="Helper-load settings" onSubmit={form.submit}>
          <Field
            label="Alert when one person gives more than (percent of the help)"
            hint="From 10 to 90. Lower hears sooner; higher only when one person carries most of it."
            className={styles.short}
            {...fieldProps(error, 'helperLoadPercent')}
          >
            {numberInput('helperLoadPercent')}
          </Field>
          <Field
            label="Only once that person helped with at least (requests)"
            hint="From 1 to 100, over the same 4 weeks, so one request out of one is no alarm."
            className={styles.short}
            {...fieldProps(error, 'helperLoadMinRequests')}
          >
            {numberInput('helperLoadMinRequests')}
          </Field>
          <SettingsSaveActions
            save={save}
            message={form.message}
            label="Save helper-load settings"
            successTitle="Helper-load settings saved"
            failureTitle="The helper-load settings were not saved"
          />
        </SettingsForm>
      ) : (
        <SummaryList
          label="Helper-load settings"
          items={[
            { term: 'Alert above', value: `${saved.helperLoadPercent}% of the help in 4 weeks` },
            { term: 'And at least', value: `${requests(saved.helperLoadMinRequests)} helped with` },
            { term: 'Who hears', value: whoHears },
          ]}
        />
      )}
    </SettingsCard>
  );
}
