import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PulsesDto } from '../../../api/contract';
import { fieldOf, fieldProps } from '../../ui/form-errors';
import { failureOf, useSave } from '../../ui/use-save';
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
  const save = useSave();
  const { reset } = save;
  const [days, setDays] = useState(String(limits.days.default));
  const [minAnswers, setMinAnswers] = useState(String(limits.minAnswers.default));

  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  const error = failureOf(save.state);
  const unplaced = error && !FIELDS.includes(fieldOf(error) ?? '') ? error : undefined;
  const submit = async () => {
    const done = await save.run(
      () => start({ days: Number(days), minAnswers: Number(minAnswers) }),
      () => 'Started.',
    );
    if (done !== undefined) onOpenChange(false);
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start a pulse"
      submitLabel="Start and send"
      busy={save.state.status === 'saving'}
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
