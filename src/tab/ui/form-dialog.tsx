import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { BusyButton } from './save-feedback';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A dialog that is one form, named by its title: the fields, an error that belongs to none of them,
 * then the submit button and Cancel. The form validates itself, so the browser's own checks are off.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  surfaceClassName,
  children,
  submitLabel,
  busy = false,
  busyLabel = submitLabel,
  failureTitle,
  failure,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  surfaceClassName?: string;
  children: ReactNode;
  submitLabel: string;
  /** The submit is running: the button says so and cannot be pressed again. */
  busy?: boolean;
  busyLabel?: string;
  /** Shown as an alert above the buttons while `failure` is set. */
  failureTitle?: string;
  failure?: { message: string };
  onSubmit: () => void | Promise<void>;
}) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => onOpenChange(data.open)}>
      <DialogSurface className={surfaceClassName}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void onSubmit();
          }}
          aria-label={title}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children}
              {failure && (
                <div role="alert">
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{failureTitle}</MessageBarTitle>
                      {failure.message}
                    </MessageBarBody>
                  </MessageBar>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <BusyButton type="submit" appearance="primary" busy={busy} busyLabel={busyLabel}>
                {submitLabel}
              </BusyButton>
              <DialogTrigger disableButtonEnhancement action="close">
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
