import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { CompactReviewDto } from '../../../api/contract';
import { MAX_REVIEW_NOTE_LENGTH } from './compact';
import { fieldOf, fieldProps } from '../../ui/form-errors';
import { todayYmd } from '../../ui/format';
import type { ReviewReqBody } from './use-compact-actions';
import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '../../ui/form-dialog';

const useStyles = makeStyles({
  date: { maxWidth: '220px' },
  people: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
    maxHeight: '260px',
    overflowY: 'auto',
  },
  everyone: { alignSelf: 'flex-start' },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const FIELDS = ['heldOn', 'participantIds', 'note'];

/** Records a review that was held: the day, who took part, and what the team said. */
export function CompactReviewDialog({
  open,
  onOpenChange,
  members,
  recordReview,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  members: readonly { id: string; name: string }[];
  recordReview: (body: ReviewReqBody) => Promise<CompactReviewDto>;
}) {
  const styles = useStyles();
  const save = useMutation({
    mutationFn: recordReview,
    onSuccess: () => onOpenChange(false),
  });
  const { reset } = save;
  const [heldOn, setHeldOn] = useState(() => todayYmd());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [note, setNote] = useState('');

  useEffect(() => {
    if (open) {
      setHeldOn(todayYmd());
      setChosen(new Set());
      setNote('');
      reset();
    }
  }, [open, reset]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    save.reset();
  };
  const error = save.error ?? undefined;
  const peopleErrorId = useId();
  const peopleError = fieldOf(error) === 'participantIds' ? error?.message : undefined;
  const unplaced = error && !FIELDS.includes(fieldOf(error) ?? '') ? error : undefined;

  const submit = () => {
    const body: ReviewReqBody = {
      heldOn,
      // In the roster's order, whatever order they were ticked in.
      participantIds: members.filter((m) => chosen.has(m.id)).map((m) => m.id),
      note: note.trim(),
    };
    save.mutate(body);
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Record a review"
      submitLabel="Record review"
      busy={save.isPending}
      busyLabel="Recording…"
      failureTitle="The review was not recorded"
      failure={unplaced}
      onSubmit={submit}
    >
      <Field label="Held on" required className={styles.date} {...fieldProps(error, 'heldOn')}>
        <Input
          type="date"
          value={heldOn}
          max={todayYmd()}
          onChange={(_event, data) => {
            setHeldOn(data.value);
            save.reset();
          }}
        />
      </Field>
      <fieldset
        className={styles.fieldset}
        aria-describedby={peopleError ? peopleErrorId : undefined}
      >
        <legend className={styles.legend}>Who took part</legend>
        <div className={styles.people}>
          {members.map((member) => (
            <Checkbox
              key={member.id}
              label={member.name}
              checked={chosen.has(member.id)}
              onChange={(_event, data) => toggle(member.id, data.checked === true)}
            />
          ))}
        </div>
        <Button
          size="small"
          appearance="subtle"
          className={styles.everyone}
          onClick={() => setChosen(new Set(members.map((m) => m.id)))}
        >
          Everyone took part
        </Button>
        {peopleError && (
          <Caption1 id={peopleErrorId} className={styles.error}>
            {peopleError}
          </Caption1>
        )}
      </fieldset>
      <Field
        label="What did the team conclude? (optional)"
        hint={`${note.length} of ${MAX_REVIEW_NOTE_LENGTH} characters`}
        {...fieldProps(error, 'note')}
      >
        <Textarea
          value={note}
          resize="vertical"
          rows={3}
          maxLength={MAX_REVIEW_NOTE_LENGTH}
          onChange={(_event, data) => {
            setNote(data.value);
            save.reset();
          }}
        />
      </Field>
    </FormDialog>
  );
}
