import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CompactVersionResSchema } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { formatDate, plural } from '../../ui/format';
import { teamKey, useApiQuery } from '../../app/team-query';
import { QueryView } from '../../ui/state-views';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  clauses: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  clause: { overflowWrap: 'anywhere' },
});

/** One earlier version's full text, as it read when it was adopted. */
export function CompactVersionDialog({
  teamId,
  version,
  onClose,
}: {
  teamId: string;
  version: number;
  onClose: () => void;
}) {
  const styles = useStyles();
  const text = useApiQuery(teamKey(teamId, 'compact-version', version), async (api, signal) => {
    const path = teamPath(teamId, `/compact/versions/${encodeURIComponent(version)}`);
    return (await api.get(path, CompactVersionResSchema, signal)).data;
  });
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>The compact at version {version}</DialogTitle>
          <DialogContent className={styles.content}>
            <QueryView
              query={text}
              loadingLabel="Loading the version…"
              errorTitle="The version could not be loaded"
            >
              {(data) => (
                <>
                  <Caption1 className={styles.muted}>
                    {formatDate(data.adoptedAt)}
                    {data.adoptedBy ? `, adopted by ${data.adoptedBy.name}` : ''} · responding
                    within {plural(data.responseHours, 'hour')}
                  </Caption1>
                  {data.clauses.length === 0 ? (
                    <Body1>This version has no clauses.</Body1>
                  ) : (
                    <ol className={styles.clauses} aria-label={`Clauses of version ${version}`}>
                      {data.clauses.map((clause) => (
                        <li key={clause.id} className={styles.clause}>
                          {clause.text}
                        </li>
                      ))}
                    </ol>
                  )}
                </>
              )}
            </QueryView>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement action="close">
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
