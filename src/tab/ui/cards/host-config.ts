import type { Theme } from '@fluentui/react-components';
import { HostConfig } from 'adaptivecards';

const colorSet = (theme: Theme) => {
  const pair = (color: string, subtle = theme.colorNeutralForeground3) => ({
    default: color,
    subtle,
  });
  return {
    default: pair(theme.colorNeutralForeground1),
    dark: pair(theme.colorNeutralForeground1),
    light: pair(theme.colorNeutralForeground2),
    accent: pair(theme.colorBrandForeground1),
    good: pair(theme.colorStatusSuccessForeground1),
    warning: pair(theme.colorStatusWarningForeground1),
    attention: pair(theme.colorStatusDangerForeground1),
  };
};

const cache = new WeakMap<Theme, HostConfig>();

/** A host config in the tab's Fluent theme, so cards look like the rest of the page (and Teams). */
export function hostConfigFor(theme: Theme): HostConfig {
  const hit = cache.get(theme);
  if (hit) return hit;
  const foregroundColors = colorSet(theme);
  const style = (backgroundColor: string, borderColor = theme.colorNeutralStroke2) => ({
    backgroundColor,
    borderColor,
    foregroundColors,
  });
  const config = new HostConfig({
    supportsInteractivity: true,
    fontFamily: theme.fontFamilyBase,
    fontTypes: {
      default: {
        fontFamily: theme.fontFamilyBase,
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: theme.fontFamilyMonospace,
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.colorNeutralStroke2 },
    containerStyles: {
      default: style(theme.colorNeutralBackground1),
      emphasis: style(theme.colorNeutralBackground3),
      accent: style(theme.colorBrandBackground2, theme.colorBrandStroke2),
      good: style(theme.colorStatusSuccessBackground1, theme.colorStatusSuccessBorder1),
      attention: style(theme.colorStatusDangerBackground1, theme.colorStatusDangerBorder1),
      warning: style(theme.colorStatusWarningBackground1, theme.colorStatusWarningBorder1),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 12 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { color: 'attention', size: 'small' },
    },
    factSet: {
      title: { weight: 'bolder', color: 'default', wrap: true, maxWidth: 150 },
      value: { color: 'default', wrap: true },
      spacing: 12,
    },
    adaptiveCard: { allowCustomStyle: true },
  });
  cache.set(theme, config);
  return config;
}
