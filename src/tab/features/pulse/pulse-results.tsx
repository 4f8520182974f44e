import {
  Body1,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PulseDto } from '../../../api/contract';
import { formatDate, plural } from '../../ui/format';

const SCALE = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: {
    display: 'flex',
    height: '12px',
    minWidth: '160px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  segment: { height: '100%' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

// Brand shades from disagree to agree; the table beside them carries every number in words.
const SHADES = [
  tokens.colorPaletteRedBackground3,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorNeutralBackground5,
  tokens.colorPaletteLightGreenBackground3,
  tokens.colorPaletteGreenBackground3,
];

/** A closed pulse's results: averages and spread per statement, then written answers, or why not. */
export function PulseResults({ pulse }: { pulse: PulseDto }) {
  const styles = useStyles();
  const { results } = pulse;
  if (results.kind === 'open')
    return (
      <Body1>
        Results appear after it closes on {formatDate(pulse.closesAt)}, if more than{' '}
        {plural(pulse.minAnswers, 'person', 'people')} answered (so each reader sees at least{' '}
        {pulse.minAnswers} answers besides their own).
      </Body1>
    );
  if (results.kind === 'withheld')
    return (
      <Body1>
        Withheld: only {plural(results.answered, 'person', 'people')} answered, and results need{' '}
        {results.needed}. Nothing more will be shown for this pulse.
      </Body1>
    );
  return (
    <div className={styles.results}>
      <Body1>{plural(results.answered, 'person', 'people')} answered.</Body1>
      <Table aria-label="Results per statement" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Statement</TableHeaderCell>
            <TableHeaderCell>Average (1 to 5)</TableHeaderCell>
            <TableHeaderCell>Spread</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>{item.text}</TableCell>
              <TableCell>
                {item.average === null
                  ? `Withheld: ${item.responses} rated it`
                  : item.average.toFixed(2)}
              </TableCell>
              <TableCell>
                {item.distribution ? (
                  <Spread distribution={item.distribution} responses={item.responses} />
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {results.freeText.kind === 'shown' ? (
        <div>
          <Body1 as="h3" style={{ fontWeight: tokens.fontWeightSemibold }}>
            {results.freeText.question}
          </Body1>
          {results.freeText.answers.length === 0 ? (
            <Body1 as="p">Nobody wrote an answer.</Body1>
          ) : (
            <ul className={styles.list} aria-label="Written answers">
              {results.freeText.answers.map((answer, index) => (
                <li key={index}>
                  <Body1>{answer}</Body1>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <Caption1>
          Written answers are shown only when at least {results.freeText.needed} people answered.
        </Caption1>
      )}
    </div>
  );
}

function Spread({ distribution, responses }: { distribution: number[]; responses: number }) {
  const styles = useStyles();
  const words = distribution.map((count, i) => `${SCALE[i]}: ${count}`).join(', ');
  return (
    <div role="img" aria-label={words} title={words} className={styles.bar}>
      {distribution.map((count, i) =>
        count > 0 ? (
          <span
            key={i}
            className={styles.segment}
            style={{ width: `${(count / responses) * 100}%`, backgroundColor: SHADES[i] }}
          />
        ) : null,
      )}
    </div>
  );
}
