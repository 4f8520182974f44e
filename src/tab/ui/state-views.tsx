import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Body1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiRequestError } from '../app/api-client';

const useStyles = makeStyles({
  loading: {
    display: 'flex',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '720px',
  },
  emptyBody: { color: tokens.colorNeutralForeground2 },
});

/** A spinner announced to screen readers. */
export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.loading}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}

/** An error in words, with a way to try again. */
export function ErrorState({
  title = 'Something went wrong',
  error,
  onRetry,
}: {
  title?: string;
  error: Pick<ApiRequestError, 'message'>;
  onRetry?: () => void;
}) {
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {error.message}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={onRetry}>
              Retry
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}

/** What will appear here, honestly, when there is nothing yet. */
export function EmptyState({
  title,
  children,
  headingLevel = 3,
}: {
  title: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const styles = useStyles();
  return (
    <section className={styles.empty} aria-label={title}>
      <Subtitle2 as={headingLevel === 2 ? 'h2' : 'h3'} style={{ margin: 0 }}>
        {title}
      </Subtitle2>
      <Body1 as="p" className={styles.emptyBody} style={{ margin: 0 }}>
        {children}
      </Body1>
    </section>
  );
}

/** What a view reads of a query: TanStack Query's result fits, and so does `allOf` of several. */
export interface QueryState<T> {
  data: T | undefined;
  isError: boolean;
  isFetching: boolean;
  error: Pick<ApiRequestError, 'message'> | null;
  refetch: () => Promise<unknown>;
}

/**
 * Loading → error (with Retry) → the content, for one query. A query that keeps its data while
 * it reloads shows the data; a failed first load shows the spinner again while it is retried.
 */
export function QueryView<T>({
  query,
  loadingLabel,
  errorTitle,
  children,
}: {
  query: QueryState<T>;
  loadingLabel: string;
  errorTitle?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError && !query.isFetching) {
    return (
      <ErrorState
        title={errorTitle}
        error={query.error ?? { message: '' }}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <LoadingState label={loadingLabel} />;
}

/** Several queries seen as one: loaded once all are, failed when one failed; Retry retries those. */
export function allOf<T>(queries: readonly QueryState<unknown>[], build: () => T): QueryState<T> {
  const failed = queries.filter((q) => q.isError && q.data === undefined);
  return {
    data: queries.every((q) => q.data !== undefined) ? build() : undefined,
    isError: failed.length > 0,
    isFetching: queries.some((q) => q.isFetching),
    error: failed[0]?.error ?? null,
    refetch: () => Promise.all(failed.map((q) => q.refetch())),
  };
}
