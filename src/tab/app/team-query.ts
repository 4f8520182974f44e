import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { asRequestError, type ApiClient, type ApiRequestError } from './api-client';
import { useAppContext } from './app-context';

/** One resource of one team in the cache: `['team', teamId, 'help']`, `['team', teamId, 'rounds', kind]`. */
export const teamKey = (teamId: string, ...resource: readonly unknown[]): QueryKey => [
  'team',
  teamId,
  ...resource,
];

type Loader<T> = (api: ApiClient, signal: AbortSignal) => Promise<T>;

/** A query that loads through the signed-in person's API client; errors arrive worded. */
export function useApiQuery<T>(
  queryKey: QueryKey,
  load: Loader<T>,
  options: Omit<UseQueryOptions<T, ApiRequestError>, 'queryKey' | 'queryFn'> = {},
) {
  const { api } = useAppContext();
  return useQuery<T, ApiRequestError>({
    queryKey,
    queryFn: ({ signal }) =>
      load(api, signal).catch((error: unknown) => {
        throw asRequestError(error);
      }),
    ...options,
  });
}
