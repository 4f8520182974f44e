import {
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CompactDto, ProposalDto } from '../../../api/contract';
import { ApiRequestError } from '../../app/api-client';
import {
  MAX_CLAUSE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_RESPONSE_HOURS,
  MIN_RESPONSE_HOURS,
  clauseSummary,
  kindLabels,
  type ProposalKind,
} from './compact';
import { fieldOf, fieldProps } from '../../ui/form-errors';
import type { ProposalReqBody } from './use-compact-actions';
import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '../../ui/form-dialog';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  hours: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  hoursInput: { width: '8em' },
});

const kinds: readonly ProposalKind[] = ['add', 'change', 'remove'];

interface Draft {
  kind: ProposalKind;
  clauseId: string;
  text: string;
  carriesHours: boolean;
  hours: string;
  reason: string;
}

const emptyDraft: Draft = {
  kind: 'add',
  clauseId: '',
  text: '',
  carriesHours: false,
  hours: '',
  reason: '',
};

/**
 * Proposes adding, changing or removing a clause of the current version. The dialog stays open
 * while it sends, and a refusal is shown beside the field it names.
 */
export function CompactProposeDialog({
  open,
  onOpenChange,
  compact,
  propose,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  compact: CompactDto;
  propose: (body: ProposalReqBody) => Promise<ProposalDto>;
}) {
  const styles = useStyles();
  // A refusal checked here is the save's error too, so it shows by its field the same way.
  const save = useMutation({
    mutationFn: (body: ProposalReqBody | ApiRequestError) =>
      body instanceof ApiRequestError ? Promise.reject(body) : propose(body),
    onSuccess: () => onOpenChange(false),
  });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    save.reset();
  };
  const { reset } = save;

  useEffect(() => {
    if (open) {
      setDraft(emptyDraft);
      reset();
    }
  }, [open, reset]);

  const clause = compact.clauses.find((c) => c.id === draft.clauseId);
  const needsClause = draft.kind !== 'add';
  // Only one clause may state the response time: offer it unless another clause already does.
  const otherStatesHours = compact.clauses.some(
    (c) => c.commitment && (draft.kind === 'add' || c.id !== draft.clauseId),
  );
  const offerHours = draft.kind !== 'remove' && !(needsClause && !clause) && !otherStatesHours;
  const error = save.error ?? undefined;
  // The fields on screen now: an error naming any other goes above the buttons.
  const shown = [
    'kind',
    'reason',
    ...(needsClause ? ['clauseId'] : []),
    ...(draft.kind !== 'remove' ? ['text'] : []),
    ...(offerHours && draft.carriesHours ? ['commitmentHours'] : []),
  ];
  const unplaced = error && !shown.includes(fieldOf(error) ?? '') ? error : undefined;

  const chooseKind = (kind: ProposalKind) => set({ ...emptyDraft, kind, reason: draft.reason });
  const chooseClause = (clauseId: string) => {
    const picked = compact.clauses.find((c) => c.id === clauseId);
    set({
      clauseId,
      text: draft.kind === 'change' ? (picked?.text ?? '') : '',
      carriesHours: picked?.commitment !== undefined,
      hours: picked?.commitment ? String(picked.commitment.hours) : '',
    });
  };

  const submit = () => {
    const hours = Number(draft.hours);
    const withHours = offerHours && draft.carriesHours;
    if (
      withHours &&
      (!Number.isInteger(hours) || hours < MIN_RESPONSE_HOURS || hours > MAX_RESPONSE_HOURS)
    ) {
      save.mutate(
        new ApiRequestError(
          `A response time is a whole number of hours from ${MIN_RESPONSE_HOURS} to ${MAX_RESPONSE_HOURS} (two weeks).`,
          { code: 'invalid', status: 400, field: 'commitmentHours' },
        ),
      );
      return;
    }
    const body: ProposalReqBody = {
      kind: draft.kind,
      clauseId: needsClause ? draft.clauseId : '',
      text: draft.kind === 'remove' ? '' : draft.text,
      commitmentHours: withHours ? hours : null,
      reason: draft.reason,
    };
    save.mutate(body);
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Propose a change"
      surfaceClassName={styles.surface}
      submitLabel="Propose"
      busy={save.isPending}
      busyLabel="Proposing…"
      failureTitle="The proposal was not made"
      failure={unplaced}
      onSubmit={submit}
    >
      <Field label="What do you propose?" {...fieldProps(error, 'kind')}>
        <RadioGroup
          layout="horizontal"
          value={draft.kind}
          onChange={(_event, data) => chooseKind(data.value as ProposalKind)}
        >
          {kinds.map((kind) => (
            <Radio key={kind} value={kind} label={kindLabels[kind]} />
          ))}
        </RadioGroup>
      </Field>

      {needsClause && (
        <Field label="Clause" required {...fieldProps(error, 'clauseId')}>
          <Select value={draft.clauseId} onChange={(_event, data) => chooseClause(data.value)}>
            <option value="" disabled>
              Choose a clause
            </option>
            {compact.clauses.map((c, index) => (
              <option key={c.id} value={c.id}>
                {index + 1}. {clauseSummary(c.text)}
              </option>
            ))}
          </Select>
        </Field>
      )}

      {draft.kind !== 'remove' && (
        <Field
          label={draft.kind === 'add' ? 'The new clause' : 'The clause as it would read'}
          required
          hint={`${draft.text.length} of ${MAX_CLAUSE_LENGTH} characters`}
          {...fieldProps(error, 'text')}
        >
          <Textarea
            value={draft.text}
            resize="vertical"
            rows={3}
            maxLength={MAX_CLAUSE_LENGTH}
            onChange={(_event, data) => set({ text: data.value })}
          />
        </Field>
      )}

      {offerHours && (
        <div className={styles.hours}>
          <Checkbox
            checked={draft.carriesHours}
            label="This clause sets the team’s response time"
            onChange={(_event, data) => set({ carriesHours: data.checked === true })}
          />
          {draft.carriesHours && (
            <Field
              label="Respond to help requests within (hours)"
              hint={`${MIN_RESPONSE_HOURS} to ${MAX_RESPONSE_HOURS}`}
              {...fieldProps(error, 'commitmentHours')}
            >
              <Input
                className={styles.hoursInput}
                type="number"
                inputMode="numeric"
                min={MIN_RESPONSE_HOURS}
                max={MAX_RESPONSE_HOURS}
                step={1}
                value={draft.hours}
                onChange={(_event, data) => set({ hours: data.value })}
              />
            </Field>
          )}
        </div>
      )}

      <Field
        label="Why?"
        required
        hint={`The team decides on your reason. ${draft.reason.length} of ${MAX_REASON_LENGTH} characters`}
        {...fieldProps(error, 'reason')}
      >
        <Textarea
          value={draft.reason}
          resize="vertical"
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          onChange={(_event, data) => set({ reason: data.value })}
        />
      </Field>
    </FormDialog>
  );
}
