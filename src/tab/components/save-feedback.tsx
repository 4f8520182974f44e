import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  type ButtonProps,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SaveState } from '../use-save';

/**
 * What became of a save: a success announced politely, a failure as an alert. The live region
 * stays mounted so screen readers hear the success when it appears.
 */
export function SaveFeedback({
  state,
  failureTitle,
  successTitle,
  successExtra,
  onDismiss,
}: {
  state: SaveState;
  failureTitle: string;
  successTitle: string;
  successExtra?: ReactNode;
  onDismiss?: () => void;
}) {
  const dismiss = onDismiss && (
    <MessageBarActions>
      <Button size="small" appearance="transparent" onClick={onDismiss}>
        Dismiss
      </Button>
    </MessageBarActions>
  );
  return (
    <>
      <div aria-live="polite">
        {state.status === 'saved' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{successTitle}</MessageBarTitle>
              {state.message} {successExtra}
            </MessageBarBody>
            {dismiss}
          </MessageBar>
        )}
      </div>
      {state.status === 'failed' && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{failureTitle}</MessageBarTitle>
              {state.error.message}
            </MessageBarBody>
            {dismiss}
          </MessageBar>
        </div>
      )}
    </>
  );
}

/** A button that shows its action running and cannot be pressed twice meanwhile. */
export function BusyButton({
  busy,
  busyLabel,
  children,
  ...props
}: ButtonProps & { busy: boolean; busyLabel: string }) {
  return (
    <Button
      {...props}
      disabledFocusable={busy || props.disabledFocusable}
      icon={busy ? <Spinner size="tiny" aria-hidden="true" /> : props.icon}
    >
      {busy ? busyLabel : children}
    </Button>
  );
}
