import { ProgramsResSchema } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';
import { programKinds } from './programs';

export const programsKey = (teamId: string) => teamKey(teamId, 'programs');

/** The team's programs, in the order the tab lists them. */
export function usePrograms(teamId: string) {
  return useApiQuery(programsKey(teamId), async (api, signal) => {
    const { data } = await api.get(teamPath(teamId, '/programs'), ProgramsResSchema, signal);
    return programKinds.flatMap((kind) => data.filter((p) => p.kind === kind));
  });
}
