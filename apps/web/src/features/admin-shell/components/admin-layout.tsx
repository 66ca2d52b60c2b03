import {
  ApartmentOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { useMe, useSession } from '../../../lib/session';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { type AdminMenuEntry, adminMenu, findMenuEntry, visibleMenu } from '../menu';

type MenuItem = Required<MenuProps>['items'][number];

function iconOf({ icon: Icon }: AdminMenuEntry) {
  return Icon ? <Icon /> : undefined;
}

function toMenuItems(entries: readonly AdminMenuEntry[], t: (key: string) => string): MenuItem[] {
  return entries.map((entry) => {
    const icon = iconOf(entry);
    if (entry.children) {
      return { key: entry.key, icon, label: t(entry.label), children: toMenuItems(entry.children, t) };
    }
    return {
      key: entry.key,
      icon,
      label: entry.path ? <Link to={entry.path}>{t(entry.label)}</Link> : t(entry.label),
    };
  });
}

export function AdminLayout() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState<boolean | null>(null);

  const entries = useMemo(() => visibleMenu(adminMenu, me.permissions), [me.permissions]);
  const items = useMemo(() => toMenuItems(entries, t), [entries, t]);
  const selected = findMenuEntry(entries, location.pathname);

  // Wide screens start expanded, tablets and phones with the menu folded; the toggle overrides.
  const isCollapsed = collapsed ?? !screens.lg;
  const siderWidth = isCollapsed ? (screens.md ? 64 : 0) : 208;

  const signOut = () => {
    modal.confirm({
      title: t('adminShell.signOutConfirm'),
      okText: t('adminShell.signOut'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await session.signOut();
        navigate('/admin/login', { replace: true });
        void message.success(t('adminShell.signedOut'));
      },
    });
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: t('adminShell.profile') },
      { type: 'divider' },
      { key: 'sign-out', icon: <LogoutOutlined />, label: t('adminShell.signOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'profile') navigate('/admin/profile');
      if (key === 'sign-out') signOut();
    },
  };

  return (
    <Layout className="uh-admin">
      <Layout.Header className="uh-admin-header">
        <Button
          type="text"
          className="uh-admin-toggle"
          icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={() => setCollapsed(!isCollapsed)}
          aria-label="menu"
        />
        <Link to="/admin" className="uh-admin-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="uh-admin-brand-name">{t('common.appName')}</span>
        </Link>
        <div className="uh-admin-header-spacer" />
        {screens.sm && (
          <Typography.Text className="uh-admin-org" ellipsis title={me.org?.name}>
            <ApartmentOutlined /> {me.org?.name ?? t('adminShell.noOrg')}
          </Typography.Text>
        )}
        <NotificationBell />
        <LanguageSwitch />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" className="uh-admin-user">
            <Avatar size="small" icon={<UserOutlined />} className="uh-admin-avatar" />
            {screens.sm && <span className="uh-admin-user-name">{me.user.displayName}</span>}
            <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          theme="light"
          width={208}
          collapsedWidth={siderWidth}
          collapsed={isCollapsed}
          trigger={null}
          className="uh-admin-sider"
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected.key] : []}
            onClick={() => {
              if (!screens.md) setCollapsed(true);
            }}
          />
        </Layout.Sider>
        <Layout.Content className="uh-admin-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
