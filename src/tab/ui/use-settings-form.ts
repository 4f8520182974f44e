import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { ApiRequestError } from '../app/api-client';
import { invalidFrom } from './form-errors';

interface SettingsFormOptions<Saved, Draft extends object, Body> {
  /** The saved record as the cache holds it now. */
  saved: Saved;
  /** The editable copy of a saved record: what the form starts from, and resets to once saved. */
  draftOf: (saved: Saved) => Draft;
  /** The server's own check of the request: made here first, so a refusal costs no round trip. */
  schema: z.ZodType<Body>;
  /** Sends the change and puts the server's answer in the cache. */
  send: (body: Body) => Promise<Saved>;
  /** The success message, worded from what the server saved. */
  describe: (saved: Saved) => string;
  /** A refusal the schema cannot word (bounds the server sets), checked before sending. */
  refuse?: (draft: Draft) => ApiRequestError | undefined;
}

/** A form that edits one saved settings record as a whole: its draft and its save. */
export function useSettingsForm<Saved, Draft extends object, Body>({
  saved,
  draftOf,
  schema,
  send,
  describe,
  refuse,
}: SettingsFormOptions<Saved, Draft, Body>) {
  const [draft, setDraft] = useState(() => draftOf(saved));
  const save = useMutation({
    mutationFn: (next: Draft) => {
      const refused = refuse?.(next);
      if (refused) return Promise.reject(refused);
      const parsed = schema.safeParse(next);
      return parsed.success ? send(parsed.data) : Promise.reject(invalidFrom(parsed.error));
    },
    onSuccess: (result) => setDraft(draftOf(result)),
  });
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  /** Checks and sends the draft; resolves to what was saved, or undefined when it was not. */
  const submit = async (): Promise<Saved | undefined> => {
    if (save.isPending) return undefined;
    return save.mutateAsync(draft).catch(() => undefined);
  };

  return {
    saved,
    draft,
    set,
    save,
    error: save.error ?? undefined,
    message: save.data === undefined ? '' : describe(save.data),
    submit,
  };
}
