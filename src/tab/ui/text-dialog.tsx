import { Field, Textarea, makeStyles } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { FormDialog } from './form-dialog';

const useStyles = makeStyles({
  intro: { margin: 0 },
});

/**
 * Asks for one short text before an action: the comment of an objection, the reason for declining
 * or withdrawing a proposal, the story with a thanks. Sending closes the dialog first; the thing
 * acted on shows the outcome.
 */
export function TextDialog({
  open,
  onOpenChange,
  title,
  children,
  label,
  maxLength,
  required,
  validate,
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
  /** What is wrong with the (trimmed) text, if anything. */
  validate?: (text: string) => string | undefined;
  submitLabel: string;
  /** Called with the text trimmed. */
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

  const submit = () => {
    const trimmed = text.trim();
    const problem = required && trimmed === '' ? required : validate?.(trimmed);
    if (problem) {
      setError(problem);
      return;
    }
    onOpenChange(false);
    onSubmit(trimmed);
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      submitLabel={submitLabel}
      onSubmit={submit}
    >
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
    </FormDialog>
  );
}
