import { Combobox, Field, Option, type FieldProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { allTimeZones, matchTimeZones } from './time-zones';

/** An IANA time zone, picked from the browser's own list; typing filters it. */
export function TimeZoneField({
  label,
  value,
  onChange,
  hint,
  disabled,
  ...field
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  hint?: FieldProps['hint'];
  disabled?: boolean;
} & Pick<FieldProps, 'validationState' | 'validationMessage' | 'className'>) {
  // While the person types, the text is theirs; otherwise the field shows the chosen zone.
  const [query, setQuery] = useState<string | null>(null);
  const zones = useMemo(() => {
    const all = allTimeZones();
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  const matches = query === null ? zones : matchTimeZones(zones, query);
  return (
    <Field label={label} hint={hint} {...field}>
      <Combobox
        value={query ?? value}
        selectedOptions={[value]}
        disabled={disabled}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_event, data) => {
          // Typing text that no option starts with clears the selection: keep the typed text then.
          if (!data.optionValue) return;
          onChange(data.optionValue);
          setQuery(null);
        }}
        onOpenChange={(_event, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {matches.map((zone) => (
          <Option key={zone} value={zone}>
            {zone}
          </Option>
        ))}
        {matches.length === 0 && (
          <Option value="" disabled text="">
            {`No time zone matches “${query ?? ''}”`}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
