import { tokens } from '@fluentui/react-components';

/** The product mark: a rounded square in the brand colour (decorative). */
export function ProductMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={tokens.colorBrandBackground} />
      <path
        d="M8 22V10l8 7 8-7v12"
        fill="none"
        stroke={tokens.colorNeutralForegroundOnBrand}
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
