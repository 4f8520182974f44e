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
import { useEffect, useState, type FormEvent } from 'react';
import { HelpActionReqSchema } from '../../api/contract';

export const MAX_STORY_LENGTH = 500;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0 },
});

/**
 * Thanks a helper, with an optional short story of what the help made possible. Sending closes the
 * dialog first; the request shows the outcome.
 */
export function HelpThankDialog({
  open,
  onOpenChange,
  helperName,
  onSend,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  helperName: string | undefined;
  onSend: (story: string | undefined) => void;
}) {
  const styles = useStyles();
  const [story, setStory] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setStory('');
      setError(null);
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = HelpActionReqSchema.safeParse({ story });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the story and try again.');
      return;
    }
    onOpenChange(false);
    onSend(parsed.data.story || undefined);
  };

  const who = helperName ?? 'your helper';
  return (
    <Dialog open={open} onOpenChange={(_event, data) => onOpenChange(data.open)}>
      <DialogSurface>
        <form noValidate onSubmit={submit} aria-label={`Thank ${who}`}>
          <DialogBody>
            <DialogTitle>Thank {who}</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.intro}>
                {helperName ?? 'Your helper'} is told, and the thanks count towards the team’s
                kudos.
              </p>
              <Field
                label="What did the help make possible? (optional)"
                hint={`${story.length} of ${MAX_STORY_LENGTH} characters`}
                validationState={error ? 'error' : 'none'}
                validationMessage={error ?? undefined}
              >
                <Textarea
                  value={story}
                  resize="vertical"
                  rows={4}
                  maxLength={MAX_STORY_LENGTH}
                  onChange={(_event, data) => {
                    setStory(data.value);
                    setError(null);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                Send thanks
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
