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
import type { ApiRequestError } from '../app/api-client';

/** What a save's button and message read of it: TanStack Query's `useMutation` result fits. */
export interface SaveHandle {
  status: 'idle' | 'pending' | 'error' | 'success';
  error: ApiRequestError | null;
  reset(): void;
}

/**
 * What became of a save: a success announced politely, a failure as an alert. The live region
 * stays mounted so screen readers hear the success when it appears.
 */
export function SaveFeedback({
  save,
  failureTitle,
  successTitle,
  message,
  successExtra,
}: {
  save: SaveHandle;
  failureTitle: string;
  successTitle: string;
  /** The success in words, from what the server saved. */
  message: string;
  successExtra?: ReactNode;
}) {
  const dismiss = (
    <MessageBarActions>
      <Button size="small" appearance="transparent" onClick={() => save.reset()}>
        Dismiss
      </Button>
    </MessageBarActions>
  );
  return (
    <>
      <div aria-live="polite">
        {save.status === 'success' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{successTitle}</MessageBarTitle>
              {message} {successExtra}
            </MessageBarBody>
            {dismiss}
          </MessageBar>
        )}
      </div>
      {save.status === 'error' && save.error && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{failureTitle}</MessageBarTitle>
              {save.error.message}
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

/** A form's submit button, busy while its save runs. */
export function SaveButton({ save, children }: { save: SaveHandle; children: ReactNode }) {
  return (
    <BusyButton
      type="submit"
      appearance="primary"
      busy={save.status === 'pending'}
      busyLabel="Saving…"
    >
      {children}
    </BusyButton>
  );
}
