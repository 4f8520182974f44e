import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  helpScopes,
  helpStatuses,
  isHelpScope,
  isHelpStatus,
  noFilter,
  scopeLabels,
  statusSections,
  type HelpFilter,
  type HelpScope,
} from './help-board';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  select: { minWidth: '180px' },
});

/** The board's filters: whose requests, which status, which skill. */
export function HelpFilters({
  filter,
  onChange,
  skills,
  counts,
}: {
  filter: HelpFilter;
  onChange: (filter: HelpFilter) => void;
  /** The skills the requests on the board ask for. */
  skills: readonly string[];
  /** How many requests each scope would show. */
  counts: Record<HelpScope, number>;
}) {
  const styles = useStyles();
  const filtered =
    filter.scope !== noFilter.scope ||
    filter.status !== noFilter.status ||
    filter.skill !== noFilter.skill;
  // A skill chosen earlier (from the address) stays offered even when no request asks for it now.
  const skillOptions =
    filter.skill && !skills.includes(filter.skill) ? [...skills, filter.skill] : skills;
  return (
    <div className={styles.bar} role="group" aria-label="Filter help requests">
      <Field label="Show">
        <RadioGroup
          layout="horizontal"
          value={filter.scope}
          onChange={(_event, data) => {
            if (isHelpScope(data.value)) onChange({ ...filter, scope: data.value });
          }}
        >
          {helpScopes.map((scope) => (
            <Radio key={scope} value={scope} label={`${scopeLabels[scope]} (${counts[scope]})`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Status">
        <Select
          className={styles.select}
          value={filter.status}
          onChange={(_event, data) =>
            onChange({ ...filter, status: isHelpStatus(data.value) ? data.value : 'all' })
          }
        >
          <option value="all">Every status</option>
          {helpStatuses.map((status) => (
            <option key={status} value={status}>
              {statusSections[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Skill">
        <Select
          className={styles.select}
          value={filter.skill}
          onChange={(_event, data) => onChange({ ...filter, skill: data.value })}
        >
          <option value="">Any skill</option>
          {skillOptions.map((skill) => (
            <option key={skill} value={skill}>
              {skill}
            </option>
          ))}
        </Select>
      </Field>
      {filtered && (
        <Button appearance="subtle" onClick={() => onChange(noFilter)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
