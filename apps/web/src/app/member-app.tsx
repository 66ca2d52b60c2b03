import '../lib/antd-mobile-render';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Navigate, Route, Routes } from 'react-router';
import { MemberApplyPage } from '../features/assistance/pages/member-apply-page';
import { MemberAssistancePage } from '../features/assistance/pages/member-assistance-page';
import { MemberAssistanceDetailPage } from '../features/assistance/pages/member-detail-page';
import { RequireMember } from '../features/auth/components/require-member';
import { MemberLoginPage } from '../features/auth/pages/member-login-page';
import { JobFairPage, JobFairsPage } from '../features/job-board/pages/job-fairs-page';
import { JobPage } from '../features/job-board/pages/job-page';
import { JobSearchPage } from '../features/job-board/pages/job-search-page';
import { MyJobApplicationsPage } from '../features/job-board/pages/my-job-applications-page';
import { MemberCardPage } from '../features/member-card/pages/member-card-page';
import { MemberHomePage } from '../features/member-home/pages/member-home-page';
import { MemberJoinPage } from '../features/member-join/pages/member-join-page';
import { MemberJoinStatusPage } from '../features/member-join/pages/member-join-status-page';
import { CheckinPage } from '../features/member-lectures/pages/checkin-page';
import { LecturePage } from '../features/member-lectures/pages/lecture-page';
import { LecturesPage } from '../features/member-lectures/pages/lectures-page';
import { AskPage } from '../features/member-legal/pages/ask-page';
import { ConsultationPage } from '../features/member-legal/pages/consultation-page';
import { FaqPage } from '../features/member-legal/pages/faq-page';
import { LawyersPage } from '../features/member-legal/pages/lawyers-page';
import { LegalHomePage } from '../features/member-legal/pages/legal-home-page';
import { MyConsultationsPage } from '../features/member-legal/pages/my-consultations-page';
import { MemberMePage } from '../features/member-me/pages/member-me-page';
import { MemberTransfersPage } from '../features/member-transfers/pages/member-transfers-page';
import { ApplyPage } from '../features/service-hall/pages/apply-page';
import { HallPage } from '../features/service-hall/pages/hall-page';
import { InboxPage } from '../features/service-hall/pages/inbox-page';
import { MyRequestsPage } from '../features/service-hall/pages/my-requests-page';
import { NotificationSettingsPage } from '../features/service-hall/pages/notification-settings-page';
import { RequestPage } from '../features/service-hall/pages/request-page';
import { ServicePage } from '../features/service-hall/pages/service-page';
import { memberApi } from '../lib/api';
import { useLanguage } from '../lib/i18n';
import { SessionProvider } from '../lib/session';
import { MemberLayout } from './member-layout';
import '../styles/member.css';
import '../styles/member-pages.css';
import '../styles/member-flows.css';
import '../features/service-hall/service-hall.css';
import '../features/assistance/assistance.css';
import '../features/member-legal/member-legal.css';
import '../features/job-board/job-board.css';

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
            <Route path="notices" element={<Navigate to="/m/messages" replace />} />
            <Route path="hall" element={<HallPage />} />
            <Route path="services/:id" element={<ServicePage />} />
            <Route path="services/:id/apply" element={<ApplyPage mode="apply" />} />
            <Route path="requests" element={<MyRequestsPage />} />
            <Route path="requests/:id" element={<RequestPage />} />
            <Route path="requests/:id/resubmit" element={<ApplyPage mode="resubmit" />} />
            <Route path="assistance" element={<MemberAssistancePage />} />
            <Route path="assistance/apply" element={<MemberApplyPage />} />
            <Route path="assistance/:id" element={<MemberAssistanceDetailPage />} />
            <Route path="legal" element={<LegalHomePage />} />
            <Route path="legal/ask" element={<AskPage />} />
            <Route path="legal/consultations" element={<MyConsultationsPage />} />
            <Route path="legal/consultations/:id" element={<ConsultationPage />} />
            <Route path="legal/consultations/:id/legal-aid" element={<ApplyPage mode="legal-aid" />} />
            <Route path="legal/lawyers" element={<LawyersPage />} />
            <Route path="legal/faq" element={<FaqPage />} />
            <Route path="messages" element={<InboxPage />} />
            <Route path="lectures" element={<LecturesPage />} />
            <Route path="lectures/checkin" element={<CheckinPage />} />
            <Route path="lectures/:id" element={<LecturePage />} />
            <Route path="jobs" element={<JobSearchPage />} />
            <Route path="jobs/:id" element={<JobPage />} />
            <Route path="job-applications" element={<MyJobApplicationsPage />} />
            <Route path="job-fairs" element={<JobFairsPage />} />
            <Route path="job-fairs/:id" element={<JobFairPage />} />
            <Route path="me/notifications" element={<NotificationSettingsPage />} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </SessionProvider>
    </ConfigProvider>
  );
}
