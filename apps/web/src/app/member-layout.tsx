import { HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

const tabs = [
  { key: '/m', label: 'memberShell.tabs.home', icon: HomeOutlined },
  { key: '/m/messages', label: 'memberShell.tabs.messages', icon: MessageOutlined },
  { key: '/m/me', label: 'memberShell.tabs.me', icon: UserOutlined },
] as const;

export function MemberLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/m/messages')
    ? '/m/messages'
    : pathname === '/m/me' || pathname.startsWith('/m/me/') || pathname.startsWith('/m/requests')
      ? '/m/me'
      : '/m';

  return (
    <div className="uhm-app">
      <main className="uhm-body">
        <Outlet />
      </main>
      <nav className="uhm-tabbar">
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea>
          {tabs.map(({ key, label, icon: Icon }) => (
            <TabBar.Item key={key} icon={<Icon />} title={t(label)} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
