import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PulsesDto } from '../../../api/contract';
import { fieldOf, fieldProps } from '../../ui/form-errors';
import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '../../ui/form-dialog';

export interface PulseStartBody {
  days: number;
  minAnswers: number;
}

const FIELDS = ['days', 'minAnswers'];

/** Starts a pulse: how long it stays open and how many answers its results need. */
export function PulseStartDialog({
  open,
  onOpenChange,
  limits,
  start,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  limits: PulsesDto['limits'];
  start: (body: PulseStartBody) => Promise<unknown>;
}) {
  const save = useMutation({ mutationFn: start, onSuccess: () => onOpenChange(false) });
  const { reset } = save;
  const [days, setDays] = useState(String(limits.days.default));
  const [minAnswers, setMinAnswers] = useState(String(limits.minAnswers.default));

  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  const error = save.error ?? undefined;
  const unplaced = error && !FIELDS.includes(fieldOf(error) ?? '') ? error : undefined;
  const submit = () => {
    save.mutate({ days: Number(days), minAnswers: Number(minAnswers) });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start a pulse"
      submitLabel="Start and send"
      busy={save.isPending}
      busyLabel="Starting…"
      failureTitle="The pulse was not started"
      failure={unplaced}
      onSubmit={submit}
    >
      <Field
        label="Open for (days)"
        required
        hint={`${limits.days.min} to ${limits.days.max} days. Everyone taking part gets the questions in a 1:1 chat with Mutual.`}
        {...fieldProps(error, 'days')}
      >
        <Input
          type="number"
          min={limits.days.min}
          max={limits.days.max}
          value={days}
          onChange={(_event, data) => {
            setDays(data.value);
            save.reset();
          }}
        />
      </Field>
      <Field
        label="Minimum answers before results are shown"
        required
        hint={`${limits.minAnswers.min} to ${limits.minAnswers.max}. Never fewer than ${limits.minAnswers.min}, so no single answer can be picked out; written answers need at least ${limits.freeTextMin} (or this minimum, if higher).`}
        {...fieldProps(error, 'minAnswers')}
      >
        <Input
          type="number"
          min={limits.minAnswers.min}
          max={limits.minAnswers.max}
          value={minAnswers}
          onChange={(_event, data) => {
            setMinAnswers(data.value);
            save.reset();
          }}
        />
      </Field>
    </FormDialog>
  );
}
