import { Type } from 'typebox';
import { ROLES } from '../../platform/auth/permissions.ts';
import { NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import type { User } from './user-service.ts';

export const RoleSchema = StringEnum(ROLES);
export const LocaleSchema = StringEnum(['fr', 'en'] as const);

export const UserOut = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    status: StringEnum(['invited', 'active', 'disabled'] as const),
    locale: Type.Union([LocaleSchema, Type.Null()]),
    teamId: Type.Union([Type.String(), Type.Null()]),
    lastLoginAt: NullableTimestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'User' },
);

/** What a client may see of a user: never hashes or invitation secrets. */
export function presentUser(
  user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'status' | 'locale' | 'last_login_at' | 'created_at' | 'updated_at'> & {
    team_id?: string | null;
  },
) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as (typeof ROLES)[number],
    status: user.status as 'invited' | 'active' | 'disabled',
    locale: user.locale as 'fr' | 'en' | null,
    teamId: user.team_id ?? null,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
    updatedAt: user.updated_at.toISOString(),
  };
}
