/**
 * Where to go after signing in. Only paths of the same area are accepted so that a crafted
 * `?next=` link cannot send someone to another site.
 */
function safeTarget(next: string | null, area: '/admin' | '/m'): string {
  if (!next?.startsWith(area) || next.startsWith('//')) return area;
  const rest = next.slice(area.length);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) return area;
  if (rest.startsWith('/login')) return area;
  return next;
}

export const safeAdminTarget = (next: string | null) => safeTarget(next, '/admin');
export const safeMemberTarget = (next: string | null) => safeTarget(next, '/m');

export function loginPathFor(area: '/admin' | '/m', location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return here === area || here === `${area}/`
    ? `${area}/login`
    : `${area}/login?next=${encodeURIComponent(here)}`;
}
