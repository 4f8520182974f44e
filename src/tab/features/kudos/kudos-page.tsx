import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  KudosFeedResSchema,
  KudosResSchema,
  MeResSchema,
  MembersResSchema,
  type KudosDto,
  type KudosGiveReq,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { KudosGiveDialog } from './kudos-give-dialog';
import { KudosList } from './kudos-list';
import { PageLayout } from '../../ui/page-layout';
import { BusyButton } from '../../ui/save-feedback';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';
import { asRequestError, type ApiRequestError } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';

const useStyles = makeStyles({
  feed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  more: { alignSelf: 'flex-start' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** The team's kudos: stories of help, latest first, and "Give kudos". No counts, no rankings. */
export function KudosPage() {
  const styles = useStyles();
  const { teamId = '', api } = useAppContext();
  const page = useApiQuery(teamKey(teamId, 'kudos'), async (client, signal) => {
    const [feed, members, me] = await Promise.all([
      client.get(teamPath(teamId, '/kudos'), KudosFeedResSchema, signal),
      client.get(teamPath(teamId, '/members'), MembersResSchema, signal),
      client.get('/api/me', MeResSchema, signal),
    ]);
    const myId = me.data.user.id;
    return { ...feed.data, teammates: members.data.filter((m) => m.id !== myId) };
  });
  const queryClient = useQueryClient();
  const data = page.data;
  type Feed = NonNullable<typeof data>;
  // The feed with a story just given on top: older pages read so far still follow it.
  const given = useRef<Feed>(undefined);

  // Older pages read with "Show older kudos", until the first page loads again.
  const [older, setOlder] = useState<{ kudos: KudosDto[]; next: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiRequestError>();
  useEffect(() => {
    if (data !== given.current) setOlder(undefined);
  }, [data]);
  const next = older ? older.next : (data?.next ?? null);
  const loadMore = async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const res = await api.get(
        teamPath(teamId, `/kudos?after=${encodeURIComponent(next)}`),
        KudosFeedResSchema,
      );
      setOlder((current) => ({
        kudos: [...(current?.kudos ?? []), ...res.data.kudos],
        next: res.data.next,
      }));
    } catch (error) {
      setMoreError(asRequestError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const [giving, setGiving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const give = useCallback(
    async (body: KudosGiveReq) => {
      const made = (await api.post(teamPath(teamId, '/kudos'), body, KudosResSchema)).data;
      setAnnouncement(`Kudos given to ${made.to.map((p) => p.name).join(', ')}.`);
      const feed = queryClient.getQueryData<Feed>(teamKey(teamId, 'kudos'));
      if (feed) {
        given.current = { ...feed, kudos: [made, ...feed.kudos] };
        queryClient.setQueryData(teamKey(teamId, 'kudos'), given.current);
      }
      return made;
    },
    [api, teamId, queryClient],
  );

  return (
    <PageLayout
      title="Kudos"
      description="Thanks for help, as stories the whole team can read."
      actions={
        data && (
          <Button appearance="primary" onClick={() => setGiving(true)}>
            Give kudos
          </Button>
        )
      }
    >
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      <QueryView
        query={page}
        loadingLabel="Loading kudos…"
        errorTitle="The kudos could not be loaded"
      >
        {({ kudos, teammates }) => (
          <>
            {kudos.length === 0 ? (
              <EmptyState title="No kudos yet" headingLevel={2}>
                When someone helps you, say so: “Give kudos” tells them and the team what they did.
                Thanking a helper on the Help board adds kudos here too.
              </EmptyState>
            ) : (
              <div className={styles.feed}>
                <KudosList kudos={[...kudos, ...(older?.kudos ?? [])]} label="The team’s kudos" />
                {moreError && (
                  <ErrorState
                    title="Older kudos could not be loaded"
                    error={moreError}
                    onRetry={() => void loadMore()}
                  />
                )}
                {next && (
                  <BusyButton
                    className={styles.more}
                    busy={loadingMore}
                    busyLabel="Loading…"
                    onClick={() => void loadMore()}
                  >
                    Show older kudos
                  </BusyButton>
                )}
              </div>
            )}
            <KudosGiveDialog
              open={giving}
              onOpenChange={setGiving}
              teammates={teammates}
              give={give}
            />
          </>
        )}
      </QueryView>
    </PageLayout>
  );
}
