import {
  Avatar,
  Body1,
  Button,
  Caption1,
  Card,
  CounterBadge,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import {
  SandboxMessagesResSchema,
  SandboxSampleMessagesResSchema,
  type SandboxMessageActionReq,
} from '../../../api/contract';
import { useAppContext } from '../../app/app-context';
import { BotMessageCard } from './bot-message-card';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';
import { TaskModuleDialog } from './task-module-dialog';
import { useApiQuery } from '../../app/team-query';

const POLL_MS = 5000;

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sample: { gap: tokens.spacingVerticalS },
  author: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  authorName: { margin: 0 },
  text: { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', justifyContent: 'flex-start' },
});

/** Local mode: the message action on sample messages, and what the bot has sent so far. */
export function SandboxPage() {
  const styles = useStyles();
  const { localUserId = '' } = useAppContext();
  const [request, setRequest] = useState<SandboxMessageActionReq | null>(null);

  const samples = useApiQuery(['sandbox', 'samples'], async (api, signal) => {
    return (await api.get('/api/local/sandbox/samples', SandboxSampleMessagesResSchema, signal))
      .data;
  });
  const messages = useApiQuery(
    ['sandbox', 'messages'],
    async (api, signal) => {
      const { data } = await api.get(
        '/api/local/sandbox/messages',
        SandboxMessagesResSchema,
        signal,
      );
      return [...data].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    },
    { refetchInterval: POLL_MS },
  );

  const { refetch } = messages;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const refreshing = messages.isFetching && messages.data !== undefined;
  const refreshError = messages.isRefetchError ? messages.error : undefined;

  return (
    <PageLayout
      title="Sandbox"
      description="Try Mutual’s Teams features without Teams: run “Ask for help” on a sample message, and read what the bot has sent, rendered as Adaptive Cards whose buttons work as in Teams for whoever is signed in."
    >
      <div className={styles.columns}>
        <PageSection title="Sample messages">
          <Caption1 className={styles.hint}>
            In Teams, “Ask for help” is in the … menu of any message.
          </Caption1>
          <QueryView
            query={samples}
            loadingLabel="Loading sample messages…"
            errorTitle="Sample messages could not be loaded"
          >
            {(data) =>
              data.length === 0 ? (
                <EmptyState title="No sample messages">
                  The local trial seeds a few messages from the demo team on its first start.
                </EmptyState>
              ) : (
                <div role="list" aria-label="Sample messages" className={styles.list}>
                  {data.map((sample) => (
                    <Card
                      key={sample.id}
                      role="listitem"
                      className={styles.sample}
                      aria-label={`Message from ${sample.authorName}`}
                    >
                      <div className={styles.author}>
                        <Avatar
                          name={sample.authorName}
                          size={28}
                          color="colorful"
                          aria-hidden="true"
                        />
                        <Subtitle2 as="h3" className={styles.authorName}>
                          {sample.authorName}
                        </Subtitle2>
                      </div>
                      <Body1 as="p" className={styles.text}>
                        {sample.text}
                      </Body1>
                      <div className={styles.actions}>
                        <Button
                          appearance="primary"
                          size="small"
                          aria-label={`Ask for help with ${sample.authorName}’s message`}
                          onClick={() => setRequest({ userId: localUserId, messageId: sample.id })}
                        >
                          Ask for help
                        </Button>
                      </div>
                    </Card>
                  ))}
                </div>
              )
            }
          </QueryView>
        </PageSection>

        <PageSection
          title="Bot messages"
          extra={
            <>
              {messages.data && (
                <CounterBadge
                  count={messages.data.length}
                  showZero
                  appearance="ghost"
                  color="informative"
                  aria-label={`${messages.data.length} messages`}
                />
              )}
              <Button size="small" onClick={refresh} disabled={refreshing}>
                {refreshing ? 'Refreshing…' : 'Refresh'}
              </Button>
            </>
          }
        >
          <Caption1 className={styles.hint}>
            Newest first; checks for new messages every {POLL_MS / 1000} seconds.
          </Caption1>
          {refreshError && (
            <ErrorState
              title="New bot messages could not be loaded"
              error={refreshError}
              onRetry={refresh}
            />
          )}
          <QueryView
            query={messages}
            loadingLabel="Loading bot messages…"
            errorTitle="Bot messages could not be loaded"
          >
            {(data) =>
              data.length === 0 ? (
                <EmptyState title="The bot has not sent anything yet">
                  Messages the bot posts to the team channel or sends in 1:1 chats (help requests,
                  rotations, reminders) appear here as Teams would show them.
                </EmptyState>
              ) : (
                <div role="list" aria-label="Bot messages" className={styles.list}>
                  {data.map((message) => (
                    <BotMessageCard key={message.id} message={message} onChanged={refresh} />
                  ))}
                </div>
              )
            }
          </QueryView>
        </PageSection>
      </div>
      <TaskModuleDialog request={request} onClose={() => setRequest(null)} onSubmitted={refresh} />
    </PageLayout>
  );
}
