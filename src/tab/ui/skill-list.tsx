import { Caption1, Tag, makeStyles, tokens } from '@fluentui/react-components';
import type { SkillDto } from '../../api/contract';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  level: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalXS },
  none: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

/** "Can teach" / "Wants to learn": one tag per skill, with its level. */
export function SkillList({
  label,
  skills,
  appearance,
}: {
  label: string;
  skills: SkillDto[];
  appearance: 'brand' | 'outline';
}) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <Caption1 className={styles.label}>{label}</Caption1>
      {skills.length === 0 ? (
        <Caption1 className={styles.none}>Nothing listed</Caption1>
      ) : (
        <ul className={styles.list} aria-label={label}>
          {skills.map((skill) => (
            <li key={skill.name}>
              <Tag size="small" appearance={appearance} shape="circular">
                {skill.name}
                <span className={styles.level}>{skill.level}</span>
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
