import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0 },
});

/**
 * Asks for a short text before an action on a proposal: the comment of an objection, the reason
 * for declining or withdrawing. Sending closes the dialog first; the proposal shows the outcome.
 */
export function CompactTextDialog({
  open,
  onOpenChange,
  title,
  children,
  label,
  maxLength,
  required,
  submitLabel,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  label: string;
  maxLength: number;
  /** The message shown when the text is left empty; undefined when it may be. */
  required?: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setText('');
      setError(null);
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (required && trimmed === '') {
      setError(required);
      return;
    }
    onOpenChange(false);
    onSubmit(trimmed);
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => onOpenChange(data.open)}>
      <DialogSurface>
        <form noValidate onSubmit={submit} aria-label={title}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.intro}>{children}</p>
              <Field
                label={label}
                required={required !== undefined}
                hint={`${text.length} of ${maxLength} characters`}
                validationState={error ? 'error' : 'none'}
                validationMessage={error ?? undefined}
              >
                <Textarea
                  value={text}
                  resize="vertical"
                  rows={4}
                  maxLength={maxLength}
                  onChange={(_event, data) => {
                    setText(data.value);
                    setError(null);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {submitLabel}
              </Button>
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
