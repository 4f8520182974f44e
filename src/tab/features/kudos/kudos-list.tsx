import { Body1, Caption1, Card, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { KudosDto } from '../../../api/contract';
import { formatRelative, formatWhen } from '../../ui/format';
import { hrefOf } from '../../app/routes';
import { stackedList } from '../../ui/list-styles';

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalM, '760px'),
  card: { gap: tokens.spacingVerticalS },
  who: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  story: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
  },
});

const names = (people: readonly { name: string }[]) => {
  const all = people.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
};

/** Kudos as stories: who thanked whom, what they said, when. Never a count or a rank. */
export function KudosList({ kudos, label }: { kudos: readonly KudosDto[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {kudos.map((k) => (
        <li key={k.id}>
          <Card className={styles.card} aria-label={`Kudos from ${k.from.name}`}>
            <Body1 as="p" className={styles.who}>
              {k.from.name} thanked {names(k.to)}
            </Body1>
            <Body1 as="p" className={styles.story}>
              {k.story || 'The story was removed at its writer’s request.'}
            </Body1>
            <div className={styles.meta}>
              <Caption1>
                <time dateTime={k.createdAt} title={formatWhen(k.createdAt)}>
                  {formatRelative(k.createdAt)}
                </time>
              </Caption1>
              {k.helpRequestId && (
                <Caption1>
                  <Link href={`${hrefOf('help')}?status=resolved`}>For help with a request</Link>
                </Caption1>
              )}
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
