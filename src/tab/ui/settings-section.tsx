import { Body1, Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ComponentType, FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { teamPath } from '../app/api-client';
import { useAppContext } from '../app/app-context';
import { teamKey, useApiQuery } from '../app/team-query';
import { FormActions } from './form-actions';
import { PageSection } from './page-layout';
import { SaveButton, SaveFeedback, type SaveHandle } from './save-feedback';
import { QueryView } from './state-views';

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** What a section's card is given once its settings have loaded. */
export interface SettingsCardProps<T> {
  teamId: string;
  /** The settings as the cache holds them now. */
  saved: T;
  isOwner: boolean;
  /** Puts settings another action answered with in the cache. */
  setSaved: (data: T) => void;
  /** Puts a change to the section's path and caches the answer; resolves to what was saved. */
  send: (body: unknown) => Promise<T>;
}

/** A section of the Settings page: loads one team's settings, then shows them in its card. */
export function SettingsSection<T>({
  teamId,
  isOwner,
  title,
  path,
  schema,
  loadingLabel,
  errorTitle,
  whenForbidden,
  card: SectionCard,
}: {
  teamId: string;
  isOwner: boolean;
  title: string;
  /** Under the team, e.g. `/help-settings`; it names the loaded resource too. */
  path: string;
  schema: z.ZodType<{ data: T }>;
  loadingLabel: string;
  errorTitle: string;
  /** Given, said instead of the error when the member may not read these settings. */
  whenForbidden?: ReactNode;
  card: ComponentType<SettingsCardProps<T>>;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const queryClient = useQueryClient();
  const key = teamKey(teamId, path.slice(1));
  const query = useApiQuery(
    key,
    async (client, signal) => (await client.get(teamPath(teamId, path), schema, signal)).data,
  );
  const setSaved = (data: T) => queryClient.setQueryData(key, data);
  const send = async (body: unknown) => {
    const { data } = await api.put(teamPath(teamId, path), body, schema);
    setSaved(data);
    return data;
  };
  return (
    <PageSection title={title}>
      {whenForbidden !== undefined &&
      query.data === undefined &&
      query.error?.code === 'forbidden' ? (
        <Body1 as="p" className={styles.description}>
          {whenForbidden}
        </Body1>
      ) : (
        <QueryView query={query} loadingLabel={loadingLabel} errorTitle={errorTitle}>
          {(data) => (
            <SectionCard
              teamId={teamId}
              saved={data}
              setSaved={setSaved}
              isOwner={isOwner}
              send={send}
            />
          )}
        </QueryView>
      )}
    </PageSection>
  );
}

/** The card of a settings section, named for screen readers, saying first what it is about. */
export function SettingsCard({
  label,
  description,
  children,
}: {
  label: string;
  description: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-label={label}>
      <Body1 as="p" className={styles.description}>
        {description}
      </Body1>
      {children}
    </Card>
  );
}

/** An owner's settings form, named, checked by the app rather than by the browser. */
export function SettingsForm({
  label,
  onSubmit,
  children,
}: {
  label: string;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}) {
  const styles = useStyles();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSubmit();
  };
  return (
    <form
      className={styles.form}
      aria-label={label}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {children}
    </form>
  );
}

/** A settings form's save button, set off below its fields, and what came of the save. */
export function SettingsSaveActions({
  save,
  label,
  message,
  successTitle,
  failureTitle,
}: {
  save: SaveHandle;
  label: string;
  message: string;
  successTitle: string;
  failureTitle: string;
}) {
  return (
    <>
      <FormActions>
        <SaveButton save={save}>{label}</SaveButton>
      </FormActions>
      <SaveFeedback
        save={save}
        message={message}
        successTitle={successTitle}
        failureTitle={failureTitle}
      />
    </>
  );
}
