import {
  Body1,
  Link,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, type ReactNode } from 'react';
import { hrefOf, legalRoutes, routeLabels, type LegalRoute } from '../../app/routes';
import { ProductMark } from '../../ui/product-mark';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalL },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  main: { flexGrow: 1, outline: 'none' },
  article: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    maxWidth: '72ch',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    '@media (max-width: 600px)': {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    },
  },
  title: { margin: 0 },
  intro: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    color: tokens.colorNeutralForeground2,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionTitle: { margin: 0 },
  text: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  footer: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    justifyContent: 'center',
  },
});

/**
 * A page that stands alone (the Teams manifest links here and a plain browser may open it): no
 * team, no sign-in, no API call.
 */
export function LegalLayout({
  route,
  title,
  intro,
  children,
}: {
  route: LegalRoute;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();

  useEffect(() => {
    document.title = `${title} · Mutual`;
    window.scrollTo(0, 0);
  }, [title]);

  return (
    <>
      <header className={styles.header}>
        <div className={styles.brand}>
          <ProductMark size={28} />
          <Text className={styles.product}>Mutual</Text>
        </div>
        <nav aria-label="About Mutual" className={styles.nav}>
          {legalRoutes.map((r) => (
            <Link
              key={r}
              href={hrefOf(r)}
              aria-current={r === route ? 'page' : undefined}
              className={mergeClasses(r === route && styles.current)}
            >
              {routeLabels[r]}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <article className={styles.article}>
          <Title2 as="h1" className={styles.title}>
            {title}
          </Title2>
          <Body1 as="p" className={styles.intro}>
            {intro}
          </Body1>
          {children}
        </article>
      </main>
      <footer className={styles.footer}>
        <Link href="#/">Open Mutual</Link>
      </footer>
    </>
  );
}

/** One titled part of a legal page (h2). */
export function LegalSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id} className={styles.sectionTitle}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

export function LegalText({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.text}>
      {children}
    </Body1>
  );
}

/** A bulleted list in body text; its children are `<li>` elements. */
export function LegalList({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <ul className={styles.list}>{children}</ul>;
}
