import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { SandboxTaskModuleResSchema, type SandboxMessageActionReq } from '../../api/contract';
import { ApiRequestError } from '../api-client';
import { useAppContext } from '../app-context';
import { AdaptiveCardView, type CardSubmission } from './adaptive-card-view';
import { ErrorState, LoadingState } from './state-views';
import { SubmissionPreview } from './submission-preview';

type TaskModule =
  | { status: 'loading' }
  | { status: 'error'; error: ApiRequestError }
  | { status: 'ready'; title: string; card: Record<string, unknown> };

const useStyles = makeStyles({
  surface: { maxWidth: '600px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The message action's task module, as Teams would open it: the bot answers
 * `composeExtension/fetchTask` with a card, rendered here. Its submit only previews.
 */
export function TaskModuleDialog({
  request,
  onClose,
}: {
  request: SandboxMessageActionReq | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const [state, setState] = useState<TaskModule>({ status: 'loading' });
  const [submission, setSubmission] = useState<CardSubmission | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    setSubmission(null);
    api
      .post(
        '/api/local/sandbox/message-action',
        request,
        SandboxTaskModuleResSchema,
        controller.signal,
      )
      .then(
        ({ data }) => setState({ status: 'ready', title: data.title, card: data.card }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: 'error',
            error:
              error instanceof ApiRequestError
                ? error
                : new ApiRequestError('The task module could not be opened.', {
                    code: 'internal',
                    status: 0,
                  }),
          });
        },
      );
    return () => controller.abort();
  }, [api, request, attempt]);

  const title = state.status === 'ready' ? state.title : 'Ask for help';
  return (
    <Dialog open={request !== null} onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {state.status === 'loading' && <LoadingState label="Asking the bot for the form…" />}
            {state.status === 'error' && (
              <ErrorState
                title="The bot did not answer"
                error={state.error}
                onRetry={() => setAttempt((n) => n + 1)}
              />
            )}
            {state.status === 'ready' && (
              <AdaptiveCardView card={state.card} label={title} onSubmit={setSubmission} />
            )}
            {submission && <SubmissionPreview submission={submission} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
