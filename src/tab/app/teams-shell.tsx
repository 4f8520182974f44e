import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { MeResSchema, type MeDto } from '../../api/contract';
import { ApiClient } from './api-client';
import { AppContext, type AppContextValue } from './app-context';
import { ErrorState, LoadingState } from '../ui/state-views';
import { routeNamed, teamTabRoutes, type Route } from './routes';
import { teamsTokens } from './session';
import { Shell } from './shell';
import { preferences } from './storage';
import type { TeamsHost } from './teams';
import type { ThemeName } from './theme';
import { useApiQuery } from './team-query';

const useStyles = makeStyles({ boot: { padding: tokens.spacingHorizontalXL } });

/** Inside Teams: the team tab (team from the context) or the personal tab (teams from the API). */
export function TeamsShell({
  host,
  route,
  theme,
}: {
  host: TeamsHost;
  route: Route | undefined;
  theme: ThemeName;
}) {
  const api = useMemo(() => new ApiClient(teamsTokens(host)), [host]);
  // A deep link names its page in the context, not the address: it picks the page on start only.
  const [linked] = useState(() => routeNamed(host.subPageId));
  const shown = route ?? linked;
  if (host.teamId) {
    return (
      <Shell
        mode="teams"
        api={api}
        teamId={host.teamId}
        theme={theme}
        routes={teamTabRoutes}
        route={shown}
        defaultRoute="pairings"
        teamNameHint={host.teamName}
      />
    );
  }
  const context: AppContextValue = {
    mode: 'teams',
    api,
    teamId: undefined,
    localUserId: undefined,
    theme,
  };
  return (
    <AppContext.Provider value={context}>
      <PersonalShell api={api} route={shown} theme={theme} />
    </AppContext.Provider>
  );
}

/** The personal tab has no team in its context: the API lists the teams this person is in. */
function PersonalShell({
  api,
  route,
  theme,
}: {
  api: ApiClient;
  route: Route | undefined;
  theme: ThemeName;
}) {
  const styles = useStyles();
  const me = useApiQuery(
    ['me'],
    async (client, signal) => (await client.get('/api/me', MeResSchema, signal)).data,
  );
  const [chosen, setChosen] = useState(() => preferences.get('team'));

  if (me.data === undefined && !me.isError) return <LoadingState label="Signing you in…" />;
  if (me.data === undefined) {
    return (
      <div className={styles.boot}>
        <ErrorState
          title="Mutual could not sign you in"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  const { teams } = me.data;
  const team = teams.find((t) => t.id === chosen) ?? teams[0];
  const choose = (id: string) => {
    setChosen(id);
    preferences.set('team', id);
  };
  return (
    <Shell
      mode="teams"
      api={api}
      teamId={team?.id}
      theme={theme}
      routes={teamTabRoutes}
      route={route}
      defaultRoute="me"
      teamNameHint={team?.name ?? 'Your teams'}
      controls={
        teams.length > 1 && team ? (
          <TeamPicker teams={teams} teamId={team.id} onChange={choose} />
        ) : undefined
      }
    />
  );
}

function TeamPicker({
  teams,
  teamId,
  onChange,
}: {
  teams: MeDto['teams'];
  teamId: string;
  onChange: (teamId: string) => void;
}) {
  return (
    <Field label="Team" size="small">
      <Dropdown
        size="small"
        value={teams.find((t) => t.id === teamId)?.name ?? ''}
        selectedOptions={[teamId]}
        onOptionSelect={(_event, data) => {
          if (data.optionValue) onChange(data.optionValue);
        }}
      >
        {teams.map((t) => (
          <Option key={t.id} value={t.id}>
            {t.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
