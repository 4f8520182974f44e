import type { SendingPorts } from '../notify/enqueue-notifications';
import type { Ports } from '../../core/ports';

/** What the help use cases read and write. */
export type HelpPorts = Pick<
  Ports,
  'teams' | 'members' | 'compacts' | 'rounds' | 'help' | 'kudos' | 'schedule'
> &
  SendingPorts;
