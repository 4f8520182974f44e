import {
  Avatar,
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Textarea,
  makeStyles,
  useTagPickerFilter,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  KudosGiveReqSchema,
  MAX_KUDOS_RECIPIENTS,
  MAX_KUDOS_STORY_LENGTH,
  type KudosDto,
  type KudosGiveReq,
  type MemberDto,
} from '../../../api/contract';
import { fieldOf, fieldProps, invalidFrom } from '../../ui/form-errors';
import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '../../ui/form-dialog';

const useStyles = makeStyles({ surface: { maxWidth: '600px' } });

/** One key per draft: sending the same draft twice (a double click, a retry) gives one kudos. */
const newRequestKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

interface Draft {
  toIds: string[];
  story: string;
  requestKey: string;
}

/**
 * "Give kudos": teammates from the roster (never oneself) and the story. A refusal is shown by
 * the field it names, and what was typed stays until it is sent.
 */
export function KudosGiveDialog({
  open,
  onOpenChange,
  teammates,
  give,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The team's members other than the caller. */
  teammates: readonly MemberDto[];
  give: (body: KudosGiveReq) => Promise<KudosDto>;
}) {
  const styles = useStyles();
  const save = useMutation({
    // The server's own check runs here first, so a refusal costs no round trip.
    mutationFn: (body: KudosGiveReq) => {
      const parsed = KudosGiveReqSchema.safeParse(body);
      return parsed.success ? give(parsed.data) : Promise.reject(invalidFrom(parsed.error));
    },
    onSuccess: () => onOpenChange(false),
  });
  const { reset } = save;
  const [draft, setDraft] = useState<Draft>(() => ({
    toIds: [],
    story: '',
    requestKey: newRequestKey(),
  }));
  const [query, setQuery] = useState('');
  // A changed draft is a new submit: it gets its own key.
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change, requestKey: newRequestKey() }));
    save.reset();
  };

  useEffect(() => {
    if (open) {
      setDraft({ toIds: [], story: '', requestKey: newRequestKey() });
      setQuery('');
      reset();
    }
  }, [open, reset]);

  const byId = useMemo(() => new Map(teammates.map((m) => [m.id, m])), [teammates]);
  const nameOf = (id: string) => byId.get(id)?.name ?? 'A former member';
  const options = useTagPickerFilter({
    query,
    options: teammates.map((m) => m.id),
    noOptionsElement: <TagPickerOption value="no-matches">Nobody by that name</TagPickerOption>,
    renderOption: (id) => (
      <TagPickerOption
        key={id}
        value={id}
        media={<Avatar name={nameOf(id)} size={24} color="colorful" aria-hidden="true" />}
        secondaryContent={byId.get(id)?.department || undefined}
      >
        {nameOf(id)}
      </TagPickerOption>
    ),
    filter: (id) =>
      !draft.toIds.includes(id) && nameOf(id).toLowerCase().includes(query.trim().toLowerCase()),
  });

  const error = save.error ?? undefined;
  const unplaced = error && !['toIds', 'story'].includes(fieldOf(error) ?? '') ? error : undefined;

  const submit = () => {
    save.mutate({ toIds: draft.toIds, story: draft.story, requestKey: draft.requestKey });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Give kudos"
      surfaceClassName={styles.surface}
      submitLabel="Give kudos"
      busy={save.isPending}
      busyLabel="Giving…"
      failureTitle="The kudos were not given"
      failure={unplaced}
      onSubmit={submit}
    >
      <Field
        label="Who do you thank?"
        required
        hint={`Up to ${MAX_KUDOS_RECIPIENTS} teammates.`}
        {...fieldProps(error, 'toIds')}
      >
        <TagPicker
          selectedOptions={draft.toIds}
          onOptionSelect={(_event, data) => {
            if (data.value === 'no-matches') return;
            set({ toIds: data.selectedOptions });
            setQuery('');
          }}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label="Teammates chosen">
              {draft.toIds.map((id) => (
                <Tag
                  key={id}
                  value={id}
                  shape="rounded"
                  media={<Avatar name={nameOf(id)} size={20} color="colorful" aria-hidden="true" />}
                  dismissible
                  dismissIcon={{ 'aria-label': `Remove ${nameOf(id)}` }}
                >
                  {nameOf(id)}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput
              aria-label="Find a teammate"
              placeholder={draft.toIds.length === 0 ? 'Type a name' : undefined}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </TagPickerControl>
          <TagPickerList>{options}</TagPickerList>
        </TagPicker>
      </Field>
      <Field
        label="What did they do?"
        required
        hint={`The team reads the story, not a score. ${draft.story.length} of ${MAX_KUDOS_STORY_LENGTH} characters`}
        {...fieldProps(error, 'story')}
      >
        <Textarea
          value={draft.story}
          resize="vertical"
          rows={4}
          maxLength={MAX_KUDOS_STORY_LENGTH}
          onChange={(_event, data) => set({ story: data.value })}
        />
      </Field>
    </FormDialog>
  );
}
