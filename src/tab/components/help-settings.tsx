import {
  Body1,
  Card,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent } from 'react';
import {
  HelpSettingsResSchema,
  HelpSettingsUpdateSchema,
  type HelpSettingsDto,
} from '../../api/contract';
import { teamPath } from '../api-client';
import { useAppContext } from '../app-context';
import { fieldProps } from '../form-errors';
import { useResource } from '../use-resource';
import { useSettingsForm } from '../use-settings-form';
import { FormActions } from './form-actions';
import { PageSection } from './page-layout';
import { SaveButton, SaveFeedback } from './save-feedback';
import { ResourceView } from './state-views';

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  channel: { maxWidth: '360px' },
  dropdown: { minWidth: '240px' },
  current: { margin: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
});

const draftOf = (settings: HelpSettingsDto) => ({ channelId: settings.supportChannel.id });
const nameOf = (channel: { name: string }) => channel.name || 'Unnamed channel';

/** Help requests: the channel their cards are posted in (owners choose it). */
export function HelpSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  const settings = useResource(`help-settings:${teamId}`, async (api, signal) => {
    return (await api.get(teamPath(teamId, '/help-settings'), HelpSettingsResSchema, signal)).data;
  });
  return (
    <PageSection title="Help requests">
      <ResourceView
        handle={settings}
        loadingLabel="Loading the help request settings…"
        errorTitle="The help request settings could not be loaded"
      >
        {(data) => <HelpSettingsCard teamId={teamId} initial={data} isOwner={isOwner} />}
      </ResourceView>
    </PageSection>
  );
}

function HelpSettingsCard({
  teamId,
  initial,
  isOwner,
}: {
  teamId: string;
  initial: HelpSettingsDto;
  isOwner: boolean;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const form = useSettingsForm({
    initial,
    draftOf,
    schema: HelpSettingsUpdateSchema,
    send: async (body) =>
      (await api.put(teamPath(teamId, '/help-settings'), body, HelpSettingsResSchema)).data,
    describe: (next) => `Help requests are posted in ${nameOf(next.supportChannel)} from now on.`,
  });
  const { saved, draft, set, save, error } = form;
  // The current channel stays offered even when Teams could not list the channels.
  const channels = saved.channels.some((c) => c.id === saved.supportChannel.id)
    ? saved.channels
    : [saved.supportChannel, ...saved.channels];
  const chosen = channels.find((c) => c.id === draft.channelId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit();
  };

  return (
    <Card className={styles.card} aria-label="Help requests">
      <Body1 as="p" className={styles.description}>
        When someone uses “Ask for help” on a message, Mutual posts a card in this channel so anyone
        with the right skills can say “I can help”. The requester’s blocker buddy is asked first, in
        a 1:1 chat.
      </Body1>
      {saved.channelsError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The team’s channels could not be read</MessageBarTitle>
            {saved.channelsError}
          </MessageBarBody>
        </MessageBar>
      )}
      {isOwner ? (
        <form
          className={styles.form}
          aria-label="Help request settings"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <Field
            label="Support channel"
            className={styles.channel}
            hint="Help request cards are posted here."
            {...fieldProps(error, 'channelId')}
          >
            <Dropdown
              className={styles.dropdown}
              value={chosen ? nameOf(chosen) : ''}
              selectedOptions={[draft.channelId]}
              onOptionSelect={(_event, data) => {
                if (data.optionValue) set({ channelId: data.optionValue });
              }}
            >
              {channels.map((channel) => (
                <Option key={channel.id} value={channel.id} text={nameOf(channel)}>
                  {nameOf(channel)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <FormActions>
            <SaveButton save={save}>Save support channel</SaveButton>
          </FormActions>
          <SaveFeedback
            save={save}
            successTitle="Support channel saved"
            failureTitle="The support channel was not saved"
          />
        </form>
      ) : (
        <Body1 as="p" className={styles.current}>
          Help requests are posted in{' '}
          <span className={styles.name}>{nameOf(saved.supportChannel)}</span>. Team owners choose
          the channel.
        </Body1>
      )}
    </Card>
  );
}
