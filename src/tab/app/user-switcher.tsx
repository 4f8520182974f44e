import { Caption1, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalUsersDto } from '../../api/contract';

const useStyles = makeStyles({
  dropdown: { minWidth: '220px' },
  option: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** Local mode: act as any member of the demo team (a new token is minted for them). */
export function UserSwitcher({
  users,
  userId,
  onChange,
}: {
  users: LocalUsersDto['users'];
  userId: string;
  onChange: (userId: string) => void;
}) {
  const styles = useStyles();
  const current = users.find((u) => u.id === userId);
  return (
    <Field label="Signed in as" size="small">
      <Dropdown
        size="small"
        className={styles.dropdown}
        value={current?.name ?? ''}
        selectedOptions={[userId]}
        onOptionSelect={(_event, data) => {
          if (data.optionValue && data.optionValue !== userId) onChange(data.optionValue);
        }}
      >
        {users.map((user) => (
          <Option key={user.id} value={user.id} text={user.name}>
            <span className={styles.option}>
              <span>{user.name}</span>
              <Caption1 className={styles.detail}>
                {user.department}
                {user.role === 'owner' ? ' · team owner' : ''}
              </Caption1>
            </span>
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
