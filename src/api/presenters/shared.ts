import { FORMER_MEMBER_NAME } from '../../core/privacy/personal-data';
import type { Member } from '../../core/team/member';

/**
 * Who someone is shown as once they left or deleted their data (their row is gone, or its name
 * was cleared).
 */
export const FORMER_NAME = FORMER_MEMBER_NAME;

/** Who a version or a decision is credited to when the majority rule adopted it. */
export const MAJORITY_NAME = 'a majority of the team';

/** Someone a response names, by id, with the name they are shown as. */
export const personRef = (people: ReadonlyMap<string, Member>, id: string) => ({
  id,
  name: people.get(id)?.name || FORMER_NAME,
});
