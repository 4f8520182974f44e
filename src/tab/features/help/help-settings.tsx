import {
  Body1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  HelpSettingsResSchema,
  HelpSettingsUpdateSchema,
  type HelpSettingsDto,
} from '../../../api/contract';
import { fieldProps } from '../../ui/form-errors';
import { useSettingsForm } from '../../ui/use-settings-form';
import {
  SettingsCard,
  SettingsForm,
  SettingsSaveActions,
  SettingsSection,
  type SettingsCardProps,
} from '../../ui/settings-section';

const useStyles = makeStyles({
  channel: { maxWidth: '360px' },
  dropdown: { minWidth: '240px' },
  current: { margin: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
});

const draftOf = (settings: HelpSettingsDto) => ({ channelId: settings.supportChannel.id });
const nameOf = (channel: { name: string }) => channel.name || 'Unnamed channel';

/** Help requests: the channel their cards are posted in (owners choose it). */
export function HelpSettings({ teamId, isOwner }: { teamId: string; isOwner: boolean }) {
  return (
    <SettingsSection
      teamId={teamId}
      isOwner={isOwner}
      title="Help requests"
      path="/help-settings"
      schema={HelpSettingsResSchema}
      loadingLabel="Loading the help request settings…"
      errorTitle="The help request settings could not be loaded"
      card={HelpSettingsCard}
    />
  );
}

function HelpSettingsCard({ saved: initial, isOwner, send }: SettingsCardProps<HelpSettingsDto>) {
  const styles = useStyles();
  const form = useSettingsForm({
    saved: initial,
    draftOf,
    schema: HelpSettingsUpdateSchema,
    send,
    describe: (next) => `Help requests are posted in ${nameOf(next.supportChannel)} from now on.`,
  });
  const { saved, draft, set, save, error } = form;
  // The current channel stays offered even when Teams could not list the channels.
  const channels = saved.channels.some((c) => c.id === saved.supportChannel.id)
    ? saved.channels
    : [saved.supportChannel, ...saved.channels];
  const chosen = channels.find((c) => c.id === draft.channelId);

  return (
    <SettingsCard
      label="Help requests"
      description={
        <>
          When someone uses “Ask for help” on a message, Mutual posts a card in this channel so
          anyone with the right skills can say “I can help”. The requester’s blocker buddy is asked
          first, in a 1:1 chat.
        </>
      }
    >
      {saved.channelsError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The team’s channels could not be read</MessageBarTitle>
            {saved.channelsError}
          </MessageBarBody>
        </MessageBar>
      )}
      {isOwner ? (
        <SettingsForm label="Help request settings" onSubmit={form.submit}>
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
          <SettingsSaveActions
            save={save}
            message={form.message}
            label="Save support channel"
            successTitle="Support channel saved"
            failureTitle="The support channel was not saved"
          />
        </SettingsForm>
      ) : (
        <Body1 as="p" className={styles.current}>
          Help requests are posted in{' '}
          <span className={styles.name}>{nameOf(saved.supportChannel)}</span>. Team owners choose
          the channel.
        </Body1>
      )}
    </SettingsCard>
  );
}
