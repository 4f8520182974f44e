import { HelpBoardResSchema, type HelpRequestDto } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';

/** How often the board reloads on its own while it is on screen, and "2 hours ago" moves on. */
const REFRESH_MS = 60_000;

export const helpBoardKey = (teamId: string) => teamKey(teamId, 'help');

export type HelpBoard = { requests: HelpRequestDto[]; resolvedSinceDays: number };

/** The team's help board, reloaded every minute while the tab is visible. */
export function useHelpBoard(teamId: string) {
  return useApiQuery(
    helpBoardKey(teamId),
    async (api, signal) =>
      (await api.get(teamPath(teamId, '/help'), HelpBoardResSchema, signal)).data,
    { refetchInterval: REFRESH_MS },
  );
}

/** The board with one request replaced by the server's answer about it. */
export const withRequest = (board: HelpBoard, request: HelpRequestDto): HelpBoard => ({
  ...board,
  requests: board.requests.map((r) => (r.id === request.id ? request : r)),
});
