import type { Permission } from '@unionhub/contracts';

/**
 * A caller acting for an org subtree: a staff user signed in with a session, or an external
 * terminal with an open-API key (then `id` is the key's id and `roles` is empty).
 */
export interface StaffActor {
  kind: 'staff';
  via: 'session' | 'apikey';
  id: number;
  sessionId: string;
  username: string;
  displayName: string;
  orgId: number;
  /** The ltree path of the staff user's org: everything this user may touch lies under it. */
  orgPath: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
}

export interface MemberActor {
  kind: 'member';
  id: number;
  sessionId: string;
  permissions: ReadonlySet<string>;
}

export type Actor = StaffActor | MemberActor;

/** How a route is reached: open to all, any signed-in caller, members only, or staff holding a permission. */
export type Access = 'public' | 'authenticated' | 'member' | { permission: Permission };
