import { Button } from '@fluentui/react-components';
import type { InsightsDto } from '../../../api/contract';
import { todayYmd } from '../../ui/format';
import { insightsCsv, insightsFileName } from './insights';

/** Downloads what the page shows for the chosen period as one CSV file. */
export function InsightsExport({ data, teamName }: { data: InsightsDto; teamName: string }) {
  const download = () => {
    // A byte order mark, so spreadsheet programs read the names as UTF-8.
    const blob = new Blob(['\ufeff', insightsCsv(data, teamName)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = insightsFileName(teamName, data.period.key, todayYmd());
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled, so the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return <Button onClick={download}>Export CSV</Button>;
}
