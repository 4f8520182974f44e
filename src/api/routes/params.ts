import { TeamIdSchema } from '../contract';

/** A request's path parameters, as express types them. */
export type Params = Record<string, string | string[] | undefined>;

/** The `:teamId` of a route, validated. */
export const teamIdOf = (params: Params) => TeamIdSchema.parse(params.teamId);
