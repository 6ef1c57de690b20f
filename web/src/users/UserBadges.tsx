/** A user's role and status as small labels. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS, type Role, type UserStatus } from './userModel.ts';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    // Never shortened to "MANA…" in a narrow table column.
    <Badge variant="light" color={role === 'admin' ? 'grape' : 'indigo'} miw="max-content">
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} miw="max-content">
      {t(`statuses.${status}`)}
    </Badge>
  );
}
