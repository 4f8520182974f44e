/** What a member may do with the team itself: its settings and what only owners see. */
export interface TeamActions {
  /** Programs, help channel, compact rules, guardian rotation, helper-load alert. */
  editSettings: boolean;
  /** The notifications that could not be delivered (retry or discard them). */
  manageUndelivered: boolean;
}

/** Owners edit the team's settings and see what could not be delivered; members read them. */
export function teamActionsFor(member: { role: string }): TeamActions {
  const owner = member.role === 'owner';
  return { editSettings: owner, manageUndelivered: owner };
}
