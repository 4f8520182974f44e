import {
  DonutChart,
  GroupedVerticalBarChart,
  HorizontalBarChart,
  LineChart,
  VerticalBarChart,
  type GroupedVerticalBarChartData,
  type LineChartPoints,
  type VerticalBarChartDataPoint,
} from '@fluentui/react-charts';
import type { ComponentProps } from 'react';
import type { InsightsDto } from '../../../api/contract';
import { formatDay, plural } from '../../ui/format';
import {
  concentrationSentence,
  formatHours,
  formatShare,
  membersByName,
  topGiven,
  utcDay,
  type InsightTable,
} from './insights';
import { InsightFigure, useChartPalette } from './insights-chart';
import { PageSection } from '../../ui/page-layout';

const HEIGHT = 300;
const shortDay = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const weekLabel = (iso: string) => shortDay.format(new Date(iso));

/** One insight in its section: the table's title, the figure in words, and a chart when any. */
function InsightSection(figure: ComponentProps<typeof InsightFigure>) {
  return (
    <PageSection title={figure.table.title}>
      <InsightFigure {...figure} />
    </PageSection>
  );
}

/** Two counts per member, side by side, one group per member. */
function MemberBars({ data, label }: { data: GroupedVerticalBarChartData[]; label: string }) {
  return (
    <GroupedVerticalBarChart
      data={data}
      height={HEIGHT}
      barWidth="auto"
      maxBarWidth={24}
      yAxisTickCount={4}
      roundedTicks
      wrapXAxisLables
      svgProps={{ 'aria-label': label }}
    />
  );
}

interface SectionProps {
  data: InsightsDto;
  table: InsightTable;
}

/** Given and received per member, side by side, in name order. */
export function BalanceSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const members = membersByName(data);
  const gave = members.filter((m) => m.given > 0).length;
  const got = members.filter((m) => m.received > 0).length;
  const any = gave + got > 0;
  const chartData: GroupedVerticalBarChartData[] = members.map((m) => ({
    name: m.name,
    series: [
      { key: 'given', data: m.given, legend: 'Helped others', color: palette.first },
      { key: 'received', data: m.received, legend: 'Got help', color: palette.second },
    ],
  }));
  return (
    <InsightSection
      table={table}
      summary={
        any
          ? `How many requests each member helped with, and how many of their own requests got help, listed by name. ${plural(gave, 'member')} helped others; ${plural(got, 'member')} got help.`
          : 'Nobody asked for or gave help in this period, so there is no balance to show.'
      }
      chart={any && <MemberBars data={chartData} label="Help given and received per member" />}
    />
  );
}

/** The top 20% of helpers' share of all the help given. */
export function ConcentrationSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const { topShare, topHelpers, helpers, totalGiven } = data.concentration;
  const top = topGiven(data);
  return (
    <InsightSection
      table={table}
      summary={`${concentrationSentence(data)}${topShare === null ? '' : ' When a few people carry most of it, others can step in or be asked first.'}`}
      chart={
        topShare !== null && (
          <DonutChart
            data={{
              chartTitle: 'Share of the help given by the top 20% of helpers',
              chartData: [
                {
                  legend: `Top 20% (${topHelpers} of ${helpers} helpers)`,
                  data: top,
                  color: palette.first,
                },
                { legend: 'Everyone else', data: totalGiven - top, color: palette.rest },
              ],
            }}
            valueInsideDonut={formatShare(topShare)}
            innerRadius={60}
            height={240}
            hideLabels
          />
        )
      }
    />
  );
}

/** Different people and departments each member helped. */
export function BreadthSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const members = membersByName(data);
  const helped = members.filter((m) => m.peopleHelped > 0).length;
  const chartData: GroupedVerticalBarChartData[] = members.map((m) => ({
    name: m.name,
    series: [
      { key: 'people', data: m.peopleHelped, legend: 'People helped', color: palette.first },
      {
        key: 'departments',
        data: m.departmentsHelped,
        legend: 'Departments',
        color: palette.second,
      },
    ],
  }));
  return (
    <InsightSection
      table={table}
      summary={
        helped > 0
          ? `How many different people, and people in how many departments, each member helped, listed by name. ${plural(helped, 'member')} helped someone.`
          : 'Nobody helped with a request in this period.'
      }
      chart={
        helped > 0 && (
          <MemberBars data={chartData} label="People and departments helped per member" />
        )
      }
    />
  );
}

/** The median first response per week, against the compact's commitment. */
export function ResponseSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const { response } = data;
  const commitment = formatHours(response.commitmentHours);
  const bars: VerticalBarChartDataPoint[] = response.weeks.map((week) => ({
    x: weekLabel(week.weekStart),
    y: week.medianHours === null ? 0 : Math.round(week.medianHours * 100) / 100,
    legend: 'Median hours to first response',
    color: palette.first,
    xAxisCalloutData: `Week of ${formatDay(utcDay(week.weekStart))}`,
    yAxisCalloutData:
      week.medianHours === null ? 'No answers that week' : formatHours(week.medianHours),
    lineData: { y: response.commitmentHours, yAxisCalloutData: `Commitment: ${commitment}` },
  }));
  const words =
    response.responded === 0
      ? `No request in this period has had a first response yet${response.waiting > 0 ? `; ${plural(response.waiting, 'request is', 'requests are')} still waiting` : ''}. The compact commits to ${commitment}.`
      : `${response.withinCommitment} of ${plural(response.responded, 'answered request')} (${formatShare(response.withinCommitment / response.responded)}) got a first response within the compact’s ${commitment}. The median wait was ${formatHours(response.medianHours ?? 0)}; 9 in 10 were answered within ${formatHours(response.p90Hours ?? 0)}.`;
  return (
    <InsightSection
      table={table}
      summary={words}
      chart={
        response.responded > 0 && (
          <VerticalBarChart
            data={bars}
            height={HEIGHT}
            barWidth="auto"
            maxBarWidth={32}
            lineLegendText={`Commitment (${commitment})`}
            lineLegendColor={palette.commitment}
            yAxisTickCount={4}
            yAxisTitle="Hours"
            margins={{ left: 60, right: 20, top: 20, bottom: 35 }}
            hideLabels
            svgProps={{ 'aria-label': 'Median hours to first response per week' }}
          />
        )
      }
    />
  );
}

/** Requests open now, by how long they have waited. */
export function BlockersSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const { openBlockers } = data;
  const bars: VerticalBarChartDataPoint[] = openBlockers.byAge.map((bucket) => ({
    x: bucket.label,
    y: bucket.count,
    legend: 'Open requests',
    color: palette.first,
  }));
  return (
    <InsightSection
      table={table}
      summary={
        openBlockers.total === 0
          ? 'No help request is waiting right now.'
          : `${plural(openBlockers.total, 'help request is', 'help requests are')} open now; the oldest has waited ${formatHours(openBlockers.oldestHours ?? 0)}.`
      }
      chart={
        openBlockers.total > 0 && (
          <VerticalBarChart
            data={bars}
            height={240}
            barWidth="auto"
            maxBarWidth={40}
            yAxisTickCount={Math.min(4, Math.max(1, openBlockers.total))}
            roundedTicks
            hideLegend
            svgProps={{ 'aria-label': 'Open help requests by age' }}
          />
        )
      }
    />
  );
}

/** Who the rounds placed, and how many groups met. */
export function RotationSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const { rotation } = data;
  const words =
    rotation.rounds === 0
      ? 'No rotation round was published in this period.'
      : `${rotation.participants} of ${plural(rotation.eligible, 'member')} taking part were placed in a group across ${plural(rotation.rounds, 'round')}. ${
          rotation.answered === 0
            ? 'No group has answered the check-in yet.'
            : `${rotation.met} of ${plural(rotation.answered, 'group')} that answered the check-in said they met (${formatShare(rotation.met / rotation.answered)}).`
        }`;
  return (
    <InsightSection
      table={table}
      summary={words}
      chart={
        rotation.rounds > 0 && (
          <HorizontalBarChart
            chartDataMode="fraction"
            data={[
              {
                chartTitle: 'Members placed in a group',
                chartData: [
                  {
                    legend: 'Placed in a group',
                    horizontalBarChartdata: {
                      x: rotation.participants,
                      total: Math.max(rotation.eligible, rotation.participants),
                    },
                    color: palette.first,
                  },
                ],
              },
              {
                chartTitle: 'Groups that said they met',
                chartData: [
                  {
                    legend: 'Met',
                    horizontalBarChartdata: { x: rotation.met, total: rotation.answered },
                    color: palette.second,
                  },
                ],
              },
            ]}
          />
        )
      }
    />
  );
}

/** Each pulse question's average over the released pulses. */
export function PulseSection({ data, table }: SectionProps) {
  const palette = useChartPalette();
  const colors = [palette.first, palette.second, palette.commitment, palette.rest];
  const lines = new Map<string, LineChartPoints>();
  for (const pulse of data.pulses) {
    for (const item of pulse.items) {
      if (item.average === null) continue;
      const line = lines.get(item.id) ?? {
        legend: item.text,
        data: [],
        color: colors[lines.size % colors.length],
      };
      line.data = [
        ...line.data,
        { x: new Date(pulse.closedAt), y: Math.round(item.average * 100) / 100 },
      ];
      lines.set(item.id, line);
    }
  }
  return (
    <InsightSection
      table={table}
      summary={
        data.pulses.length === 0
          ? 'No pulse results were released in this period. When the team runs an anonymous pulse and its results are released, each question’s average (1 to 5) appears here over time.'
          : `The average answer (1 to 5) to each pulse question, across ${plural(data.pulses.length, 'released pulse')}.`
      }
      chart={
        lines.size > 0 && (
          <LineChart
            data={{ chartTitle: 'Pulse averages over time', lineChartData: [...lines.values()] }}
            height={HEIGHT}
            yMinValue={1}
            yMaxValue={5}
            yAxisTickCount={4}
            svgProps={{ 'aria-label': 'Average answer per pulse question over time' }}
          />
        )
      }
    />
  );
}
