import { useState } from 'react';
import type { z } from 'zod';
import { invalidFrom } from './form-errors';
import { failureOf, useSave } from './use-save';

interface SettingsFormOptions<Saved, Draft extends object, Body> {
  initial: Saved;
  /** The editable copy of a saved record: what the form starts from, and resets to once saved. */
  draftOf: (saved: Saved) => Draft;
  /** The server's own check of the request: made here first, so a refusal costs no round trip. */
  schema: z.ZodType<Body>;
  send: (body: Body) => Promise<Saved>;
  /** The success message, worded from what the server saved. */
  describe: (saved: Saved) => string;
}

/** A form that edits one saved settings record as a whole: its draft, its save and the saved copy. */
export function useSettingsForm<Saved, Draft extends object, Body>({
  initial,
  draftOf,
  schema,
  send,
  describe,
}: SettingsFormOptions<Saved, Draft, Body>) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const save = useSave();
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  /** Checks and sends the draft; resolves to what was saved, or undefined when it was not. */
  const submit = async (): Promise<Saved | undefined> => {
    const parsed = schema.safeParse(draft);
    if (!parsed.success) {
      save.fail(invalidFrom(parsed.error));
      return undefined;
    }
    const body = parsed.data;
    const result = await save.run(() => send(body), describe);
    if (result) {
      setSaved(result);
      setDraft(draftOf(result));
    }
    return result;
  };

  return { saved, setSaved, draft, set, save, error: failureOf(save.state), submit };
}
