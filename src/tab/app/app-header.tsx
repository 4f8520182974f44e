import {
  Badge,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ProductMark } from '../ui/product-mark';

const useStyles = makeStyles({
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalS}`,
    '@media (max-width: 600px)': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    },
  },
  identity: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
    paddingBottom: tokens.spacingVerticalXS,
  },
  mark: { flexShrink: 0 },
  names: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  product: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  team: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
});

/** The top of every page: product, team name, and (local mode) who you are acting as. */
export function AppHeader({
  teamName,
  badge,
  controls,
  nav,
}: {
  /** Undefined while it loads. */
  teamName: string | undefined;
  badge?: string;
  controls?: ReactNode;
  nav?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <div className={styles.identity}>
          <span className={styles.mark}>
            <ProductMark />
          </span>
          <div className={styles.names}>
            <Text className={styles.product}>
              Mutual{' '}
              {badge && (
                <Badge appearance="tint" color="informative" size="small">
                  {badge}
                </Badge>
              )}
            </Text>
            {teamName === undefined ? (
              <Skeleton aria-label="Loading the team name">
                <SkeletonItem size={20} style={{ width: '160px' }} />
              </Skeleton>
            ) : (
              <Subtitle2 className={styles.team} title={teamName}>
                {teamName}
              </Subtitle2>
            )}
          </div>
        </div>
        {controls && <div className={styles.controls}>{controls}</div>}
      </div>
      {nav}
    </header>
  );
}
