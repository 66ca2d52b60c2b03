import '../lib/antd-mobile-render';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Navigate, Route, Routes } from 'react-router';
import { RequireMember } from '../features/auth/components/require-member';
import { MemberLoginPage } from '../features/auth/pages/member-login-page';
import { MemberCardPage } from '../features/member-card/pages/member-card-page';
import { MemberHomePage } from '../features/member-home/pages/member-home-page';
import { MemberJoinPage } from '../features/member-join/pages/member-join-page';
import { MemberJoinStatusPage } from '../features/member-join/pages/member-join-status-page';
import { MemberMePage } from '../features/member-me/pages/member-me-page';
import { MemberNoticesPage } from '../features/member-notices/pages/member-notices-page';
import { MemberTransfersPage } from '../features/member-transfers/pages/member-transfers-page';
import { memberApi } from '../lib/api';
import { useLanguage } from '../lib/i18n';
import { SessionProvider } from '../lib/session';
import { MemberLayout } from './member-layout';
import '../styles/member.css';
import '../styles/member-pages.css';
import '../styles/member-flows.css';

/** Everything under /m: the member session, antd-mobile in the chosen language, and the pages. */
export function MemberApp() {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
      <SessionProvider client={memberApi} kind="member">
        <Routes>
          <Route path="login" element={<MemberLoginPage />} />
          <Route
            element={
              <RequireMember>
                <MemberLayout />
              </RequireMember>
            }
          >
            <Route index element={<MemberHomePage />} />
            <Route path="me" element={<MemberMePage />} />
            <Route path="card" element={<MemberCardPage />} />
            <Route path="join" element={<MemberJoinPage />} />
            <Route path="join/status" element={<MemberJoinStatusPage />} />
            <Route path="transfers" element={<MemberTransfersPage />} />
            <Route path="notices" element={<MemberNoticesPage />} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </SessionProvider>
    </ConfigProvider>
  );
}
