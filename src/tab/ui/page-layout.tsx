import { Body1, Title2, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type ReactNode, type Ref } from 'react';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    width: '100%',
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    boxSizing: 'border-box',
    '@media (max-width: 600px)': {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    },
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
});

/** A page: one h1, an optional sentence on what it is for, actions on the right. */
export function PageLayout({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <div className={styles.titles}>
          <Title2 as="h1" className={styles.title}>
            {title}
          </Title2>
          {description && (
            <Body1 as="p" className={styles.description}>
              {description}
            </Body1>
          )}
        </div>
        {actions}
      </div>
      {children}
    </div>
  );
}

const useSectionStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // A native heading (Title3 takes no ref), with Title3's type ramp.
  title: { ...typographyStyles.title3, margin: 0, outline: 'none' },
});

/** A titled section of a page (h2), with an optional badge or action beside the title. */
export function PageSection({
  title,
  extra,
  headingRef,
  children,
}: {
  title: string;
  extra?: ReactNode;
  /** Given, the heading can take focus (for example when the row that had it goes away). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const styles = useSectionStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.header}>
        <h2
          id={id}
          ref={headingRef}
          tabIndex={headingRef ? -1 : undefined}
          className={styles.title}
        >
          {title}
        </h2>
        {extra}
      </div>
      {children}
    </section>
  );
}
