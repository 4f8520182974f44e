import {
  Avatar,
  Badge,
  Caption1,
  Card,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MemberDto } from '../../../api/contract';
import { SkillList } from '../../ui/skill-list';

const useStyles = makeStyles({
  card: { height: '100%', gap: tokens.spacingVerticalM },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  nameRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  name: { margin: 0 },
  department: { color: tokens.colorNeutralForeground2 },
  noSkills: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** One member: who they are, and what they can teach and want to learn. */
export function MemberCard({ member, isMe }: { member: MemberDto; isMe: boolean }) {
  const styles = useStyles();
  const hasSkills = member.teaches.length > 0 || member.learns.length > 0;
  return (
    <Card className={styles.card} role="listitem" aria-label={member.name}>
      <div className={styles.top}>
        <Avatar name={member.name} color="colorful" size={40} aria-hidden="true" />
        <div className={styles.who}>
          <div className={styles.nameRow}>
            <Subtitle2 as="h3" className={styles.name}>
              {member.name}
            </Subtitle2>
            {member.role === 'owner' && (
              <Badge appearance="tint" color="brand" size="small">
                Owner
              </Badge>
            )}
            {isMe && (
              <Badge appearance="outline" color="informative" size="small">
                You
              </Badge>
            )}
          </div>
          <Caption1 className={styles.department}>{member.department || 'No department'}</Caption1>
        </div>
      </div>
      {hasSkills ? (
        <>
          <SkillList label="Can teach" skills={member.teaches} appearance="brand" />
          <SkillList label="Wants to learn" skills={member.learns} appearance="outline" />
        </>
      ) : (
        <Caption1 as="p" className={styles.noSkills}>
          {isMe
            ? 'You have not listed any skills yet.'
            : `${member.name} has not listed any skills yet.`}
        </Caption1>
      )}
    </Card>
  );
}
