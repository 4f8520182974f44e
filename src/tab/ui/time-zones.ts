/** The time zone this device is set to, e.g. Europe/Lisbon ('UTC' when the browser will not say). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let cached: readonly string[] | undefined;

/** Every IANA time zone the browser knows, plus UTC (which some browsers leave out). */
export function allTimeZones(): readonly string[] {
  if (!cached) {
    let zones: string[];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    cached = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return cached;
}

/** Zones whose name holds every word typed, ignoring case and treating "_" and "/" as spaces. */
export function matchTimeZones(zones: readonly string[], query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/[\s/_]+/)
    .filter(Boolean);
  if (words.length === 0) return [...zones];
  return zones.filter((zone) => {
    const name = zone.toLowerCase().replace(/[/_]/g, ' ');
    return words.every((word) => name.includes(word));
  });
}
