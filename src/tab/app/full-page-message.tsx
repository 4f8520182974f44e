import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  wrap: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXL,
    boxSizing: 'border-box',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
});

/** A whole-page explanation, for when the tab cannot show anything else. */
export function FullPageMessage({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.wrap}>
      <div className={styles.panel}>
        <Title2 as="h1" className={styles.title}>
          {title}
        </Title2>
        {children}
      </div>
    </main>
  );
}

export function FullPageText({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.text}>
      {children}
    </Body1>
  );
}
