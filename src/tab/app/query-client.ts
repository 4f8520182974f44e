import { QueryClient } from '@tanstack/react-query';
import type { ApiRequestError } from './api-client';

declare module '@tanstack/react-query' {
  // Every query and mutation fails with the API client's error, worded for the person.
  interface Register {
    defaultError: ApiRequestError;
  }
}

/** The tab's one cache of server state: every page reads and writes the team's data through it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A load that fails shows its error and a Retry button at once, as it always has.
      retry: false,
      refetchOnWindowFocus: true,
    },
    // A write is never repeated on its own: the person sees the error and decides.
    mutations: { retry: false },
  },
});
