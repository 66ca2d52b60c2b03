/**
 * Permission names. A route declares one; a role grants a set. Scope (which orgs) is separate:
 * a staff user acts on its own org's subtree.
 */
export const Permissions = [
  'org.read',
  'org.write',
  'enterprise.read',
  'enterprise.write',
  'user.read',
  'user.manage',
  'audit.read',
  'system.backup',
  'member.read',
  'member.write',
  'member.pii',
  'member.export',
  'apikey.manage',
  'card.manage',
  'card.verify',
  'service.manage',
  'request.read',
  'request.handle',
  'assistance.read',
  'assistance.manage',
  'legal.manage',
  'legal.read',
  'legal.answer',
  'jobs.read',
  'jobs.manage',
  'jobs.post',
] as const;
export type Permission = (typeof Permissions)[number];

export const StaffRoles = [
  'org_admin',
  'staff',
  'viewer',
  'card_verifier',
  'lawyer',
  'enterprise_recruiter',
] as const;
export type StaffRole = (typeof StaffRoles)[number];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  org_admin: [
    'org.read',
    'org.write',
    'enterprise.read',
    'enterprise.write',
    'user.read',
    'user.manage',
    'audit.read',
    'system.backup',
    'member.read',
    'member.write',
    'member.pii',
    'member.export',
    'apikey.manage',
    'card.manage',
    'card.verify',
    'service.manage',
    'request.read',
    'request.handle',
    'assistance.read',
    'assistance.manage',
    'legal.manage',
    'legal.read',
    'jobs.read',
    'jobs.manage',
  ],
  staff: [
    'org.read',
    'org.write',
    'enterprise.read',
    'enterprise.write',
    'user.read',
    'member.read',
    'member.write',
    'member.pii',
    'card.manage',
    'card.verify',
    'service.manage',
    'request.read',
    'request.handle',
    'assistance.read',
    'assistance.manage',
    'legal.manage',
    'legal.read',
    'jobs.read',
    'jobs.manage',
  ],
  viewer: [
    'org.read',
    'enterprise.read',
    'member.read',
    'card.verify',
    'request.read',
    'legal.read',
    'jobs.read',
    'assistance.read',
  ],
  // A merchant's counter (普惠商户) checks member cards and sees nothing else.
  card_verifier: ['card.verify'],
  // A lawyer or legal volunteer (法律咨询工作台) answers the consultations given to them, nothing else.
  lawyer: ['legal.answer'],
  // An enterprise's HR account: posts its own jobs and moves its applicants, tied to one enterprise.
  enterprise_recruiter: ['jobs.post'],
};

/**
 * What an open-API key may be given: the data permissions, never the power to manage people, keys
 * or backups — a leaked key must not be able to mint more access.
 */
export const ApiKeyGrantablePermissions = Permissions.filter(
  (p) =>
    p !== 'apikey.manage' &&
    p !== 'user.manage' &&
    p !== 'system.backup' &&
    p !== 'card.manage' &&
    // Answering is a person's work, signed in as themselves.
    p !== 'legal.answer' &&
    // Posting belongs to an enterprise's own account, never to a union's key.
    p !== 'jobs.post' &&
    // Full personal records and bulk exports stay with people, whose every read is audited by name.
    p !== 'member.pii' &&
    p !== 'member.export' &&
    // Hardship details are sensitive: read by named staff only, every view audited.
    p !== 'assistance.read' &&
    p !== 'assistance.manage',
);

/** Members act on their own records only; their permissions name what the member app offers. */
export const MemberPermissions = ['self.read', 'self.write'] as const;
export type MemberPermission = (typeof MemberPermissions)[number];

export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of rolePermissions[role]) set.add(p);
  return Permissions.filter((p) => set.has(p));
}
