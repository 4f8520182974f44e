import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { CompactDiffResSchema, type CompactVersionSummaryDto } from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { defaultComparison } from './compact';
import { formatDate, formatDateTime, plural } from '../../ui/format';
import { teamKey, useApiQuery } from '../../app/team-query';
import { TEMPLATE_NOTE } from './compact-current';
import { CompactDiff } from './compact-diff';
import { CompactVersionDialog } from './compact-version-dialog';
import { PageSection } from '../../ui/page-layout';
import { QueryView } from '../../ui/state-views';

const useStyles = makeStyles({
  versions: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    maxWidth: '820px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  version: {
    display: 'grid',
    gridTemplateColumns: '3.5em minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    '&:not(:last-child)': {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  number: { ...typographyStyles.subtitle2 },
  details: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  note: { overflowWrap: 'anywhere', fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  subtitle: { ...typographyStyles.subtitle1, margin: 0 },
  compare: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  picker: { minWidth: '220px' },
});

/** Who adopted a version, in words: a person, the team's majority, or the starting template. */
function adoptedByText(version: Pick<CompactVersionSummaryDto, 'adoptedBy' | 'version'>) {
  if (version.adoptedBy) return `adopted by ${version.adoptedBy.name}`;
  return version.version === 1 ? 'the starting template' : 'adopted by a majority of the team';
}

const optionText = (v: CompactVersionSummaryDto, latest: number) =>
  `v${v.version} · ${formatDate(v.adoptedAt)}${v.version === latest ? ' (current)' : ''}`;

/** Every adopted version, latest first, and a readable comparison of any two of them. */
export function CompactHistory({
  teamId,
  versions,
}: {
  teamId: string;
  versions: readonly CompactVersionSummaryDto[];
}) {
  const styles = useStyles();
  const compareId = useId();
  const [pair, setPair] = useState(() => defaultComparison(versions));
  const [reading, setReading] = useState<number | null>(null);
  const latest = versions[0]?.version ?? 0;

  return (
    <PageSection title="History">
      {versions.length === 0 ? (
        <Caption1 className={styles.muted}>No version has been adopted yet.</Caption1>
      ) : (
        <ol className={styles.versions} aria-label="Versions, latest first">
          {versions.map((v) => {
            const note = v.note.trim();
            return (
              <li key={v.version} className={styles.version}>
                <span className={styles.number}>v{v.version}</span>
                <span className={styles.details}>
                  <Body1>
                    <time dateTime={v.adoptedAt} title={formatDateTime(v.adoptedAt)}>
                      {formatDate(v.adoptedAt)}
                    </time>
                    , {adoptedByText(v)} · {plural(v.clauseCount, 'clause')}
                  </Body1>
                  {note && note !== TEMPLATE_NOTE && (
                    <Caption1 className={styles.note}>{note}</Caption1>
                  )}
                </span>
                <Button
                  size="small"
                  aria-label={`Read version ${v.version}`}
                  onClick={() => setReading(v.version)}
                >
                  Read
                </Button>
              </li>
            );
          })}
        </ol>
      )}

      <section className={styles.compare} aria-labelledby={compareId}>
        <h3 id={compareId} className={styles.subtitle}>
          Compare two versions
        </h3>
        {!pair || versions.length < 2 ? (
          <Caption1 className={styles.muted}>
            There is one version so far: once the team adopts a change, compare them here.
          </Caption1>
        ) : (
          <>
            <div className={styles.pickers}>
              {(['from', 'to'] as const).map((end) => (
                <Field key={end} label={end === 'from' ? 'From' : 'To'} className={styles.picker}>
                  <Select
                    value={String(pair[end])}
                    onChange={(_event, data) => setPair({ ...pair, [end]: Number(data.value) })}
                  >
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {optionText(v, latest)}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
            {pair.from === pair.to ? (
              <Caption1 className={styles.muted}>Choose two different versions.</Caption1>
            ) : (
              <Comparison teamId={teamId} from={pair.from} to={pair.to} />
            )}
          </>
        )}
      </section>

      {reading !== null && (
        <CompactVersionDialog teamId={teamId} version={reading} onClose={() => setReading(null)} />
      )}
    </PageSection>
  );
}

function Comparison({ teamId, from, to }: { teamId: string; from: number; to: number }) {
  const diff = useApiQuery(teamKey(teamId, 'compact-diff', from, to), async (api, signal) => {
    const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return (await api.get(teamPath(teamId, `/compact/diff${query}`), CompactDiffResSchema, signal))
      .data;
  });
  return (
    <QueryView
      query={diff}
      loadingLabel="Comparing the versions…"
      errorTitle="The versions could not be compared"
    >
      {(data) => (
        <CompactDiff
          changes={data.changes}
          label={`Changes from version ${data.from.version} to version ${data.to.version}`}
        />
      )}
    </QueryView>
  );
}
