import { Dropdown, Field, Option } from '@fluentui/react-components';
import { isThemeName, themeLabels, themeNames, type ThemeName } from './theme';

/** Local mode only: in Teams the theme follows the Teams client. */
export function ThemePicker({
  theme,
  onChange,
}: {
  theme: ThemeName;
  onChange: (theme: ThemeName) => void;
}) {
  return (
    <Field label="Theme" size="small">
      <Dropdown
        size="small"
        style={{ minWidth: '140px' }}
        value={themeLabels[theme]}
        selectedOptions={[theme]}
        onOptionSelect={(_event, data) => {
          if (isThemeName(data.optionValue)) onChange(data.optionValue);
        }}
      >
        {themeNames.map((name) => (
          <Option key={name} value={name}>
            {themeLabels[name]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
