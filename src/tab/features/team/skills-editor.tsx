import { Button, Caption1, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { SkillDto } from '../../../api/contract';
import { stackedList } from '../../ui/list-styles';

export type SkillLevel = SkillDto['level'];
/** A row being edited; `key` keeps focus and React state on the right row as rows come and go. */
export interface SkillRow {
  key: string;
  name: string;
  level: SkillLevel;
}

export const MAX_SKILLS = 20;
export const MAX_SKILL_NAME = 60;

const levels: readonly { value: SkillLevel; label: string }[] = [
  { value: 'beginner', label: 'Beginner' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'expert', label: 'Expert' },
];

let nextKey = 0;
export const skillRow = (skill?: SkillDto): SkillRow => ({
  key: `skill-${++nextKey}`,
  name: skill?.name ?? '',
  level: skill?.level ?? 'intermediate',
});

/** The rows worth saving: names trimmed, empty rows dropped. */
export const skillsOf = (rows: readonly SkillRow[]): SkillDto[] =>
  rows
    .map((row) => ({ name: row.name.trim().replace(/\s+/g, ' '), level: row.level }))
    .filter((skill) => skill.name.length > 0);

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  list: stackedList(tokens.spacingVerticalS),
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 150px auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    '@media (max-width: 520px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  level: { '@media (max-width: 520px)': { gridColumn: '1 / 2' } },
  error: { color: tokens.colorPaletteRedForeground1 },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** An editable list of skills, each a name and a level: add, rename, re-level, remove. */
export function SkillsEditor({
  legend,
  hint,
  noun,
  rows,
  onChange,
  error,
  disabled,
}: {
  legend: string;
  hint: string;
  /** "skill to teach": names each control for screen readers. */
  noun: string;
  rows: readonly SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const hintId = useId();
  const errorId = useId();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes after the rows re-render: a new row's name, or Add after the last removal.
  const [focusNext, setFocusNext] = useState<string | 'add' | null>(null);

  useEffect(() => {
    if (focusNext === null) return;
    if (focusNext === 'add') addButton.current?.focus();
    else inputs.current.get(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext, rows]);

  const full = rows.length >= MAX_SKILLS;
  const update = (key: string, change: Partial<SkillRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const remove = (index: number) => {
    const next = rows.filter((_row, i) => i !== index);
    onChange(next);
    setFocusNext(next[index]?.key ?? next[index - 1]?.key ?? 'add');
  };
  const add = () => {
    if (full) return;
    const row = skillRow();
    onChange([...rows, row]);
    setFocusNext(row.key);
  };

  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.legend}>{legend}</legend>
      <Caption1 id={hintId} className={styles.hint}>
        {hint}
      </Caption1>
      {rows.length > 0 && (
        <ul className={styles.list} aria-label={legend}>
          {rows.map((row, index) => {
            const name = row.name.trim() || `${noun} ${index + 1}`;
            return (
              <li key={row.key} className={styles.row}>
                <Input
                  ref={(element) => {
                    if (element) inputs.current.set(row.key, element);
                    else inputs.current.delete(row.key);
                  }}
                  value={row.name}
                  maxLength={MAX_SKILL_NAME}
                  placeholder="Skill name"
                  aria-label={`${capitalise(noun)} ${index + 1}`}
                  aria-invalid={error ? true : undefined}
                  disabled={disabled}
                  onChange={(_event, data) => update(row.key, { name: data.value })}
                  onKeyDown={(event) => {
                    // Enter in the last row adds the next one, like a list being typed.
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      if (index === rows.length - 1 && row.name.trim()) add();
                    }
                  }}
                />
                <Select
                  className={styles.level}
                  value={row.level}
                  aria-label={`Level of ${name}`}
                  disabled={disabled}
                  onChange={(_event, data) => update(row.key, { level: data.value as SkillLevel })}
                >
                  {levels.map((level) => (
                    <option key={level.value} value={level.value}>
                      {level.label}
                    </option>
                  ))}
                </Select>
                <Button
                  appearance="subtle"
                  aria-label={`Remove ${name}`}
                  disabled={disabled}
                  onClick={() => remove(index)}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.footer}>
        <Button
          ref={addButton}
          disabledFocusable={full || disabled}
          onClick={add}
          aria-label={`Add a ${noun}`}
        >
          Add a skill
        </Button>
        <Caption1 className={styles.hint}>
          {full
            ? `That is the most you can list (${MAX_SKILLS}).`
            : `${rows.length} of ${MAX_SKILLS}`}
        </Caption1>
      </div>
      {error && (
        <Caption1 id={errorId} className={styles.error}>
          {error}
        </Caption1>
      )}
    </fieldset>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
