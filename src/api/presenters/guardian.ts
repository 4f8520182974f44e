import type { GuardianView } from '../../services/guardian/guardian';
import type { GuardianDto } from '../contract';
import { FORMER_NAME } from './shared';

export function presentGuardian(view: GuardianView): GuardianDto {
  const name = (id: string) => view.people.get(id)?.name || FORMER_NAME;
  return {
    enabled: view.settings.enabled,
    everyMonths: view.settings.everyMonths,
    current: view.current && {
      id: view.current.userId,
      name: name(view.current.userId),
      since: view.current.since,
      until: view.current.until,
    },
    history: view.history.map((t) => ({ id: t.userId, name: name(t.userId), since: t.since })),
  };
}
