import { Field, Select, type FieldProps } from '@fluentui/react-components';

/** A labelled choice of one number from a short list, each shown in words. */
export function NumberSelectField({
  label,
  value,
  options,
  onChange,
  ...field
}: {
  label: string;
  value: number;
  options: readonly { value: number; label: string }[];
  onChange: (value: number) => void;
} & Pick<FieldProps, 'validationState' | 'validationMessage' | 'className'>) {
  return (
    <Field label={label} {...field}>
      <Select value={String(value)} onChange={(_event, data) => onChange(Number(data.value))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
