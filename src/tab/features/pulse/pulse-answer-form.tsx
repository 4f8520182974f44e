import {
  Body1,
  Field,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PulseDto, PulsesDto } from '../../../api/contract';
import { ApiRequestError } from '../../app/api-client';
import { useMutation } from '@tanstack/react-query';
import { BusyButton, SaveFeedback } from '../../ui/save-feedback';

const SCALE = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '820px',
  },
  scale: { flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface PulseAnswerBody {
  scores: Record<string, number | null>;
  text: string;
}

/**
 * The open pulse's questions: a radio group per statement (arrow keys move between choices; any
 * may stay unanswered), the written question, and "Send anonymously". What was chosen stays on
 * the form if sending fails.
 */
export function PulseAnswerForm({
  pulse,
  limits,
  send,
}: {
  pulse: PulseDto;
  limits: PulsesDto['limits'];
  send: (body: PulseAnswerBody) => Promise<unknown>;
}) {
  const styles = useStyles();
  // A refusal checked here is the save's error too, so it shows by its field the same way.
  const save = useMutation({
    mutationFn: (body: PulseAnswerBody | ApiRequestError) =>
      body instanceof ApiRequestError ? Promise.reject(body) : send(body),
  });
  const [scores, setScores] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const error = save.error ?? undefined;
  const errorFor = (field: string) =>
    error?.field === field
      ? { validationState: 'error' as const, validationMessage: error.message }
      : {};

  const submit = () => {
    const body: PulseAnswerBody = {
      scores: Object.fromEntries(
        pulse.items
          .filter((i) => i.kind === 'scale')
          .map((i) => [i.id, scores[i.id] ? Number(scores[i.id]) : null]),
      ),
      text: text.trim(),
    };
    if (Object.values(body.scores).every((v) => v === null) && body.text === '') {
      save.mutate(
        new ApiRequestError('Answer at least one question.', {
          code: 'invalid',
          status: 400,
          field: 'scores',
        }),
      );
      return;
    }
    save.mutate(body);
  };

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Answer the pulse"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Body1>
        Choose how far you agree with each statement; skip any you like. Mutual keeps only the
        counts and a mark that you answered, never who chose what.
      </Body1>
      {pulse.items.map((item) =>
        item.kind === 'scale' ? (
          <Field key={item.id} label={item.text} {...errorFor(`scores.${item.id}`)}>
            <RadioGroup
              layout="horizontal"
              className={styles.scale}
              value={scores[item.id] ?? ''}
              onChange={(_event, data) => {
                setScores((current) => ({ ...current, [item.id]: data.value }));
                save.reset();
              }}
            >
              {SCALE.map((label, index) => (
                <Radio key={label} value={String(index + 1)} label={label} />
              ))}
            </RadioGroup>
          </Field>
        ) : (
          <Field
            key={item.id}
            label={`${item.text} (optional)`}
            hint={`Shown only when at least ${pulse.freeTextMin} people answered. ${text.length} of ${limits.maxText} characters.`}
            {...errorFor('text')}
          >
            <Textarea
              value={text}
              rows={3}
              resize="vertical"
              maxLength={limits.maxText}
              onChange={(_event, data) => {
                setText(data.value);
                save.reset();
              }}
            />
          </Field>
        ),
      )}
      <div className={styles.actions}>
        <BusyButton type="submit" appearance="primary" busy={save.isPending} busyLabel="Sending…">
          Send anonymously
        </BusyButton>
      </div>
      <SaveFeedback
        save={save}
        message="Recorded anonymously."
        failureTitle="Your answer was not recorded"
        successTitle="Recorded anonymously"
      />
    </form>
  );
}
