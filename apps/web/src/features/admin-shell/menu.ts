import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  FundOutlined,
  GiftOutlined,
  HeartOutlined,
  IdcardOutlined,
  InboxOutlined,
  LineChartOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@unionhub/contracts';
import type { ComponentType } from 'react';

export interface AdminMenuEntry {
  key: string;
  /** Absolute path; a group without a page of its own leaves it out. */
  path?: string;
  /** Translation key of the label. */
  label: string;
  icon?: ComponentType;
  /** Shown only to callers holding this permission; omitted = every signed-in staff user. */
  permission?: Permission;
  children?: AdminMenuEntry[];
}

/**
 * The side menu, as data: a new module adds its entry (or a group with children) here and the
 * menu, the permission filter and the highlighted item follow.
 */
export const adminMenu: AdminMenuEntry[] = [
  { key: 'dashboard', path: '/admin', label: 'adminShell.menu.dashboard', icon: DashboardOutlined },
  {
    key: 'orgs',
    path: '/admin/orgs',
    label: 'adminShell.menu.orgs',
    icon: ApartmentOutlined,
    permission: 'org.read',
  },
  {
    key: 'members',
    path: '/admin/members',
    label: 'adminShell.menu.members',
    icon: TeamOutlined,
    permission: 'member.read',
  },
  {
    key: 'join-applications',
    path: '/admin/join-applications',
    label: 'adminShell.menu.joinApplications',
    icon: SolutionOutlined,
    permission: 'member.write',
  },
  {
    key: 'transfers',
    path: '/admin/transfers',
    label: 'adminShell.menu.transfers',
    icon: NodeIndexOutlined,
    permission: 'member.read',
  },
  {
    key: 'card-verify',
    path: '/admin/card-verify',
    label: 'adminShell.menu.cardVerify',
    icon: SafetyCertificateOutlined,
    permission: 'card.verify',
  },
  {
    key: 'enterprises',
    path: '/admin/enterprises',
    label: 'adminShell.menu.enterprises',
    icon: BankOutlined,
    permission: 'enterprise.read',
  },
  {
    key: 'requests',
    path: '/admin/requests',
    label: 'adminShell.menu.requests',
    icon: InboxOutlined,
    permission: 'request.read',
  },
  {
    key: 'services',
    path: '/admin/services',
    label: 'adminShell.menu.services',
    icon: AppstoreOutlined,
    permission: 'service.manage',
  },
  {
    key: 'service-packages',
    path: '/admin/service-packages',
    label: 'adminShell.menu.servicePackages',
    icon: GiftOutlined,
    permission: 'service.manage',
  },
  {
    key: 'legal',
    label: 'adminShell.menu.legal',
    icon: SafetyOutlined,
    children: [
      {
        key: 'legal-workspace',
        path: '/admin/legal/workspace',
        label: 'adminShell.menu.legalWorkspace',
        icon: CommentOutlined,
        permission: 'legal.answer',
      },
      {
        key: 'legal-aid-cases',
        path: '/admin/legal/workspace/aid',
        label: 'adminShell.menu.legalAidCases',
        icon: AuditOutlined,
        permission: 'legal.answer',
      },
      {
        key: 'legal-consultations',
        path: '/admin/legal/consultations',
        label: 'adminShell.menu.legalConsultations',
        icon: MessageOutlined,
        permission: 'legal.read',
      },
      {
        key: 'legal-providers',
        path: '/admin/legal/providers',
        label: 'adminShell.menu.legalProviders',
        icon: IdcardOutlined,
        permission: 'legal.read',
      },
      {
        key: 'legal-duty',
        path: '/admin/legal/duty',
        label: 'adminShell.menu.legalDuty',
        icon: CalendarOutlined,
        permission: 'legal.read',
      },
      {
        key: 'legal-faq',
        path: '/admin/legal/faq',
        label: 'adminShell.menu.legalFaq',
        icon: QuestionCircleOutlined,
        permission: 'legal.manage',
      },
      {
        key: 'legal-lectures',
        path: '/admin/legal/lectures',
        label: 'adminShell.menu.legalLectures',
        icon: ReadOutlined,
        permission: 'legal.read',
      },
      {
        key: 'legal-supervision',
        path: '/admin/legal/supervision',
        label: 'adminShell.menu.legalSupervision',
        icon: AuditOutlined,
        permission: 'legal.read',
      },
      {
        key: 'legal-stats',
        path: '/admin/legal/stats',
        label: 'adminShell.menu.legalStats',
        icon: FundOutlined,
        permission: 'legal.read',
      },
    ],
  },
  {
    key: 'service-stats',
    path: '/admin/service-stats',
    label: 'adminShell.menu.serviceStats',
    icon: LineChartOutlined,
    permission: 'request.read',
  },
  {
    key: 'jobs',
    label: 'adminShell.menu.jobs',
    icon: ShopOutlined,
    children: [
      { key: 'my-jobs', path: '/admin/my-jobs', label: 'adminShell.menu.myJobs', permission: 'jobs.post' },
      { key: 'job-review', path: '/admin/jobs', label: 'adminShell.menu.jobReview', permission: 'jobs.read' },
      {
        key: 'job-fairs',
        path: '/admin/job-fairs',
        label: 'adminShell.menu.jobFairs',
        permission: 'jobs.read',
      },
      {
        key: 'recruiters',
        path: '/admin/recruiters',
        label: 'adminShell.menu.recruiters',
        permission: 'jobs.manage',
      },
      {
        key: 'job-stats',
        path: '/admin/job-stats',
        label: 'adminShell.menu.jobStats',
        permission: 'jobs.manage',
      },
    ],
  },
  {
    key: 'assistance',
    label: 'assistance.menu.group',
    icon: HeartOutlined,
    permission: 'assistance.read',
    children: [
      { key: 'assistance-files', path: '/admin/assistance/files', label: 'assistance.menu.files' },
      {
        key: 'assistance-applications',
        path: '/admin/assistance/applications',
        label: 'assistance.menu.applications',
      },
      { key: 'assistance-budgets', path: '/admin/assistance/budgets', label: 'assistance.menu.budgets' },
      { key: 'assistance-batches', path: '/admin/assistance/batches', label: 'assistance.menu.batches' },
      { key: 'assistance-stats', path: '/admin/assistance/stats', label: 'assistance.menu.stats' },
      { key: 'assistance-rules', path: '/admin/assistance/rules', label: 'assistance.menu.rules' },
      { key: 'assistance-configs', path: '/admin/assistance/configs', label: 'assistance.menu.configs' },
    ],
  },
  {
    key: 'stats',
    path: '/admin/stats',
    label: 'adminShell.menu.stats',
    icon: BarChartOutlined,
    permission: 'member.read',
  },
  {
    key: 'api-keys',
    path: '/admin/api-keys',
    label: 'adminShell.menu.apiKeys',
    icon: ApiOutlined,
    permission: 'apikey.manage',
  },
  { key: 'profile', path: '/admin/profile', label: 'adminShell.menu.profile', icon: UserOutlined },
];

/** The entries the caller may see; a group whose children are all hidden disappears too. */
export function visibleMenu(
  entries: readonly AdminMenuEntry[],
  permissions: readonly string[],
): AdminMenuEntry[] {
  const held = new Set(permissions);
  const out: AdminMenuEntry[] = [];
  for (const entry of entries) {
    if (entry.permission && !held.has(entry.permission)) continue;
    if (entry.children) {
      const children = visibleMenu(entry.children, permissions);
      if (children.length === 0) continue;
      out.push({ ...entry, children });
    } else {
      out.push(entry);
    }
  }
  return out;
}

/** The entry whose path is the longest prefix of the current path, so sub-pages keep it lit. */
export function findMenuEntry(
  entries: readonly AdminMenuEntry[],
  pathname: string,
): AdminMenuEntry | undefined {
  let best: AdminMenuEntry | undefined;
  const visit = (list: readonly AdminMenuEntry[]) => {
    for (const entry of list) {
      if (entry.children) visit(entry.children);
      if (!entry.path) continue;
      const matches =
        entry.path === '/admin'
          ? pathname === '/admin' || pathname === '/admin/'
          : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
      if (matches && (!best?.path || entry.path.length > best.path.length)) best = entry;
    }
  };
  visit(entries);
  return best;
}
