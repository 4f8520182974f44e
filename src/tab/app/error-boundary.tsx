import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from '../ui/state-views';

interface Props {
  children: ReactNode;
  /** Changing it clears a caught error (for example when the route changes). */
  resetKey: string;
}

/** Catches a page that fails to load or render, instead of a blank tab. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Mutual tab error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title="This page could not be shown"
          error={{
            message:
              'Part of the tab failed to load, perhaps after an update. Reload to get the latest version.',
          }}
          onRetry={() => window.location.reload()}
        />
      );
    }
    return this.props.children;
  }
}
