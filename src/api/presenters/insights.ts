import type { InsightsView } from '../../services/insights/insights';
import type { InsightsDto } from '../contract';

/** Shares and hours rounded for reading; instants as ISO strings. */
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The Insights page: members by name (never ranked), and the team-level figures. */
export function presentInsights(view: InsightsView): InsightsDto {
  const { period, response, openBlockers, rotation, concentration } = view;
  return {
    period: { key: period.key, from: period.from.toISOString(), to: period.to.toISOString() },
    requestCount: view.requestCount,
    members: view.members.map((m) => ({ ...m })),
    concentration: { ...concentration, topShare: round2(concentration.topShare) },
    response: {
      commitmentHours: response.commitmentHours,
      responded: response.responded,
      withinCommitment: response.withinCommitment,
      medianHours: round1(response.medianHours),
      p90Hours: round1(response.p90Hours),
      waiting: response.waiting,
      weeks: response.weeks.map((w) => ({ ...w, medianHours: round1(w.medianHours) })),
    },
    openBlockers: { ...openBlockers, oldestHours: round1(openBlockers.oldestHours) },
    rotation: { ...rotation, meetRate: round2(rotation.meetRate) },
    pulses: view.pulses,
  };
}
