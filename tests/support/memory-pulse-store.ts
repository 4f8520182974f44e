import { conflict } from '../../src/core/errors';
import type { PulseStore, Versioned } from '../../src/core/ports';
import type { Pulse } from '../../src/core/pulse/pulse';
import type { TeamRef } from '../../src/core/team/team';

/** An in-memory PulseStore with the table store's rules (ETags, one open pulse, atomic answer). */
export function memoryPulseStore(): PulseStore {
  let etags = 0;
  const pulses = new Map<string, Versioned<Pulse>>();
  const markers = new Set<string>();
  const open = new Set<string>();
  const team = (ref: TeamRef) => `${ref.tenantId}|${ref.teamId}`;
  const copy = <T>(value: T): T => structuredClone(value);
  const put = (ref: TeamRef, pulse: Pulse) => {
    const row = { value: copy(pulse), etag: `W/"p${++etags}"` };
    pulses.set(`${team(ref)}|${pulse.id}`, row);
    return copy(row);
  };
  const current = (ref: TeamRef, pulse: Pulse, etag: string) => {
    const row = pulses.get(`${team(ref)}|${pulse.id}`);
    if (!row || row.etag !== etag) throw conflict('The pulse was changed by someone else.');
  };
  return {
    get: async (ref, id) => copy(pulses.get(`${team(ref)}|${id}`)),
    list: async (ref, limit) =>
      [...pulses.entries()]
        .filter(([key]) => key.startsWith(`${team(ref)}|`))
        .map(([, row]) => copy(row))
        .sort((a, b) => a.value.id.localeCompare(b.value.id))
        .slice(0, limit),
    start: async (ref, pulse) => {
      if (open.has(team(ref)) || pulses.has(`${team(ref)}|${pulse.id}`))
        throw conflict('A pulse is open.');
      open.add(team(ref));
      return put(ref, pulse);
    },
    hasMarker: async (ref, pulseId, marker) => markers.has(`${team(ref)}|${pulseId}|${marker}`),
    answer: async (ref, pulse, etag, marker) => {
      const key = `${team(ref)}|${pulse.id}|${marker}`;
      if (markers.has(key)) throw conflict('The marker exists.');
      current(ref, pulse, etag);
      markers.add(key);
      return put(ref, pulse);
    },
    close: async (ref, pulse, etag) => {
      current(ref, pulse, etag);
      open.delete(team(ref));
      return put(ref, pulse);
    },
  };
}
