import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  SandboxSubmitResSchema,
  SandboxTaskModuleResSchema,
  type SandboxMessageActionReq,
} from '../../../api/contract';
import { ApiRequestError, asRequestError } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import {
  AdaptiveCardView,
  submissionData,
  type CardSubmission,
} from '../../ui/cards/adaptive-card-view';
import { ErrorState, LoadingState } from '../../ui/state-views';
import { SubmissionPreview } from './submission-preview';

type TaskModule =
  | { status: 'loading' }
  | { status: 'error'; error: ApiRequestError }
  | { status: 'ready'; title: string; card: Record<string, unknown>; returned: boolean };

/** The task module's submit, sent to the bot as Teams sends `composeExtension/submitAction`. */
type Submit =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: ApiRequestError; data: Record<string, unknown> }
  | { status: 'sent'; text: string };

const useStyles = makeStyles({
  surface: { maxWidth: '600px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sending: { display: 'flex', justifyContent: 'flex-start' },
});

/**
 * The message action's task module, as Teams would open it: the bot answers
 * `composeExtension/fetchTask` with a card, rendered here, and its submit goes back to the bot,
 * which answers with a message (done) or the form again (with what to fix).
 */
export function TaskModuleDialog({
  request,
  onClose,
  onSubmitted,
}: {
  request: SandboxMessageActionReq | null;
  onClose: () => void;
  /** The bot made the request: what it sends next (the channel card …) is on its way. */
  onSubmitted?: () => void;
}) {
  const styles = useStyles();
  const { api } = useAppContext();
  const [state, setState] = useState<TaskModule>({ status: 'loading' });
  const [submit, setSubmit] = useState<Submit>({ status: 'idle' });
  const [preview, setPreview] = useState<CardSubmission | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sending = useRef<AbortController | null>(null);
  const onSubmittedRef = useRef(onSubmitted);
  onSubmittedRef.current = onSubmitted;

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    setSubmit({ status: 'idle' });
    setPreview(null);
    api
      .post(
        '/api/local/sandbox/message-action',
        request,
        SandboxTaskModuleResSchema,
        controller.signal,
      )
      .then(
        ({ data }) =>
          setState({ status: 'ready', title: data.title, card: data.card, returned: false }),
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
    return () => {
      controller.abort();
      sending.current?.abort();
      sending.current = null;
    };
  }, [api, request, attempt]);

  const send = useCallback(
    async (data: Record<string, unknown>) => {
      if (!request || sending.current) return;
      const controller = new AbortController();
      sending.current = controller;
      setSubmit({ status: 'sending' });
      setPreview(null);
      try {
        const { data: answer } = await api.post(
          '/api/local/sandbox/message-action/submit',
          { userId: request.userId, messageId: request.messageId, data },
          SandboxSubmitResSchema,
          controller.signal,
        );
        if (controller.signal.aborted) return;
        if (answer.kind === 'message') {
          setSubmit({ status: 'sent', text: answer.text });
          onSubmittedRef.current?.();
        } else {
          setState({ status: 'ready', title: answer.title, card: answer.card, returned: true });
          setSubmit({ status: 'idle' });
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setSubmit({ status: 'failed', error: asRequestError(error), data });
      } finally {
        if (sending.current === controller) sending.current = null;
      }
    },
    [api, request],
  );

  const onCardSubmit = (submission: CardSubmission) => {
    if (submission.kind === 'Action.Submit') void send(submissionData(submission));
    else setPreview(submission);
  };

  const title = state.status === 'ready' ? state.title : 'Ask for help';
  const sent = submit.status === 'sent';
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
            {state.status === 'ready' && !sent && (
              <>
                {state.returned && (
                  <div role="status">
                    <MessageBar intent="warning">
                      <MessageBarBody>
                        The bot sent the form back: see what to fix, then send it again.
                      </MessageBarBody>
                    </MessageBar>
                  </div>
                )}
                <AdaptiveCardView card={state.card} label={title} onSubmit={onCardSubmit} />
              </>
            )}
            <div aria-live="polite">
              {submit.status === 'sending' && (
                <div className={styles.sending}>
                  <Spinner size="tiny" label="Sending…" />
                </div>
              )}
              {sent && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Help request made</MessageBarTitle>
                    {submit.text}
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
            {submit.status === 'failed' && (
              <ErrorState
                title="The bot did not answer"
                error={submit.error}
                onRetry={() => void send(submit.data)}
              />
            )}
            {preview && <SubmissionPreview submission={preview} />}
          </DialogContent>
          <DialogActions>
            <Button appearance={sent ? 'primary' : 'secondary'} onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
