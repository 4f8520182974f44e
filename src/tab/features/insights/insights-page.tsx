import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  InsightsResSchema,
  TeamResSchema,
  insightPeriods,
  type InsightPeriod,
  type InsightsDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { InsightsExport } from './insights-export';
import {
  BalanceSection,
  BlockersSection,
  BreadthSection,
  ConcentrationSection,
  PulseSection,
  ResponseSection,
  RotationSection,
} from './insights-sections';
import { PageLayout } from '../../ui/page-layout';
import { QueryView } from '../../ui/state-views';
import { formatDate } from '../../ui/format';
import { insightTables, isInsightPeriod, periodLabels } from './insights';
import { hashParam, replaceHashParam } from '../../app/routes';
import { teamKey, useApiQuery } from '../../app/team-query';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  range: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** How help flows through the team over a chosen period: for owners and the Culture Guardian. */
export function InsightsPage() {
  const { teamId = '' } = useAppContext();
  const team = useApiQuery(teamKey(teamId, 'summary'), async (api, signal) => {
    return (await api.get(teamPath(teamId), TeamResSchema, signal)).data;
  });
  return (
    <PageLayout
      title="Insights"
      description="How help flows through the team, so no one quietly carries too much. People are listed by name, never ranked."
    >
      <QueryView
        query={team}
        loadingLabel="Loading the team…"
        errorTitle="The team could not be loaded"
      >
        {(data) => <Insights teamId={teamId} teamName={data.name} />}
      </QueryView>
    </PageLayout>
  );
}

function Insights({ teamId, teamName }: { teamId: string; teamName: string }) {
  const styles = useStyles();
  const [period, setPeriod] = useState<InsightPeriod>(() => {
    const asked = hashParam('period');
    return isInsightPeriod(asked) ? asked : '4w';
  });
  const insights = useApiQuery(teamKey(teamId, 'insights', period), async (api, signal) => {
    const path = teamPath(teamId, `/insights?period=${encodeURIComponent(period)}`);
    return (await api.get(path, InsightsResSchema, signal)).data;
  });
  const choose = (value: string) => {
    if (!isInsightPeriod(value)) return;
    setPeriod(value);
    replaceHashParam('period', value);
  };

  if (insights.data === undefined && insights.error?.code === 'forbidden') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Insights are for team owners and the Culture Guardian</MessageBarTitle>
          They look after how help is shared in the team, so this page is theirs. If you would like
          to know how it is going, ask one of them.
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <div className={styles.toolbar}>
        <Field label="Period">
          <RadioGroup
            layout="horizontal"
            value={period}
            onChange={(_event, data) => choose(data.value)}
          >
            {insightPeriods.map((key) => (
              <Radio key={key} value={key} label={periodLabels[key]} />
            ))}
          </RadioGroup>
        </Field>
        {insights.data && <InsightsExport data={insights.data} teamName={teamName} />}
      </div>
      <QueryView
        query={insights}
        loadingLabel="Loading the insights…"
        errorTitle="The insights could not be loaded"
      >
        {(data) => <InsightSections data={data} />}
      </QueryView>
    </>
  );
}

function InsightSections({ data }: { data: InsightsDto }) {
  const styles = useStyles();
  const tables = insightTables(data);
  const to = new Date(new Date(data.period.to).getTime() - 1).toISOString();
  return (
    <div className={styles.sections}>
      <Body1 as="p" className={styles.range}>
        {periodLabels[data.period.key]}: {formatDate(data.period.from)} to {formatDate(to)}.{' '}
        {data.requestCount === 0
          ? 'No help requests were made in this period.'
          : `${data.requestCount} help ${data.requestCount === 1 ? 'request was' : 'requests were'} made in this period.`}
      </Body1>
      <BalanceSection data={data} table={tables.balance} />
      <ConcentrationSection data={data} table={tables.concentration} />
      <BreadthSection data={data} table={tables.breadth} />
      <ResponseSection data={data} table={tables.response} />
      <BlockersSection data={data} table={tables.blockers} />
      <RotationSection data={data} table={tables.rotation} />
      <PulseSection data={data} table={tables.pulses} />
    </div>
  );
}
