import { useCallback, useMemo, useState } from 'react';
import type { LocalUsersDto } from '../../api/contract';
import { ApiClient } from './api-client';
import { queryClient } from './query-client';
import { FullPageMessage, FullPageText } from './full-page-message';
import { ThemePicker } from './theme-picker';
import { UserSwitcher } from './user-switcher';
import { localTabRoutes, type Route } from './routes';
import { localTokens } from './session';
import { Shell } from './shell';
import { preferences } from './storage';
import type { ThemeName } from './theme';

function initialUser(users: LocalUsersDto['users']): string | undefined {
  const saved = preferences.get('localUser');
  if (saved && users.some((u) => u.id === saved)) return saved;
  return (users.find((u) => u.role === 'owner') ?? users[0])?.id;
}

/** Local trial: the demo team, a user switcher and a theme picker in the header. */
export function LocalShell({
  directory,
  route,
  theme,
  onThemeChange,
}: {
  directory: LocalUsersDto;
  route: Route | undefined;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}) {
  const [userId, setUserId] = useState(() => initialUser(directory.users));
  const api = useMemo(() => (userId ? new ApiClient(localTokens(userId)) : null), [userId]);
  const chooseUser = useCallback((id: string) => {
    // The cache holds what the previous person may see: the next one starts from the server.
    queryClient.clear();
    setUserId(id);
    preferences.set('localUser', id);
  }, []);

  if (!userId || !api) {
    return (
      <FullPageMessage title="The demo team has no members">
        <FullPageText>
          The local trial seeds a demo team on its first start. Stop the server, delete its data
          folder, and start it again.
        </FullPageText>
      </FullPageMessage>
    );
  }

  return (
    <Shell
      mode="local"
      api={api}
      teamId={directory.teamId}
      localUserId={userId}
      theme={theme}
      routes={localTabRoutes}
      route={route}
      defaultRoute="pairings"
      teamNameHint={directory.teamName}
      badge="Local trial"
      controls={
        <>
          <UserSwitcher users={directory.users} userId={userId} onChange={chooseUser} />
          <ThemePicker theme={theme} onChange={onThemeChange} />
        </>
      }
    />
  );
}
