import { App as AntdApp, ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AdminLayout } from '../features/admin-shell/components/admin-layout';
import { RequirePermission } from '../features/admin-shell/components/require-permission';
import { AdminNotFoundPage } from '../features/admin-shell/pages/admin-not-found-page';
import { DashboardPage } from '../features/admin-shell/pages/dashboard-page';
import { ApiKeysPage } from '../features/api-keys/pages/api-keys-page';
import { AssistanceRoutes } from '../features/assistance/routes';
import { RequireStaff } from '../features/auth/components/require-staff';
import { AdminLoginPage } from '../features/auth/pages/admin-login-page';
import { CardVerifyPage } from '../features/card-verify/pages/card-verify-page';
import { EnterprisesPage } from '../features/enterprises/pages/enterprises-page';
import { MemberImportPage } from '../features/imports/pages/member-import-page';
import { JobFairsPage } from '../features/jobs/pages/job-fairs-page';
import { JobReviewPage } from '../features/jobs/pages/job-review-page';
import { MyJobPage } from '../features/jobs/pages/my-job-page';
import { MyJobsPage } from '../features/jobs/pages/my-jobs-page';
import { RecruitersPage } from '../features/jobs/pages/recruiters-page';
import { JoinApplicationsPage } from '../features/join-applications/pages/join-applications-page';
import { ConsultationDetailPage } from '../features/legal/pages/consultation-detail-page';
import { ConsultationsPage } from '../features/legal/pages/consultations-page';
import { DutyPage } from '../features/legal/pages/duty-page';
import { FaqReviewPage } from '../features/legal/pages/faq-review-page';
import { ProvidersPage } from '../features/legal/pages/providers-page';
import { WorkspaceDetailPage } from '../features/legal/pages/workspace-detail-page';
import { WorkspacePage } from '../features/legal/pages/workspace-page';
import { LawyerCasePage } from '../features/legal-aid/pages/lawyer-case-page';
import { LawyerCasesPage } from '../features/legal-aid/pages/lawyer-cases-page';
import { InspectionNewPage } from '../features/legal-events/pages/inspection-new-page';
import { InspectionPage } from '../features/legal-events/pages/inspection-page';
import { InspectionsPage } from '../features/legal-events/pages/inspections-page';
import { LectureCheckinPage } from '../features/legal-events/pages/lecture-checkin-page';
import { LecturePage } from '../features/legal-events/pages/lecture-page';
import { LecturesPage } from '../features/legal-events/pages/lectures-page';
import { MembersPage } from '../features/members/pages/members-page';
import { OrgTreePage } from '../features/orgs/pages/org-tree-page';
import { ProfilePage } from '../features/profile/pages/profile-page';
import { RequestDetailPage } from '../features/service-requests/pages/request-detail-page';
import { RequestsPage } from '../features/service-requests/pages/requests-page';
import { ServicePackagesPage } from '../features/services/pages/service-packages-page';
import { ServicesPage } from '../features/services/pages/services-page';
import { TransfersPage } from '../features/transfers/pages/transfers-page';
import { adminApi } from '../lib/api';
import { useLanguage } from '../lib/i18n';
import { SessionProvider } from '../lib/session';
import '../styles/admin.css';
import '../features/service-hall/service-hall.css';
import '../features/legal/legal.css';

// ECharts is large: the statistics page loads it only when opened.
const ServiceStatsPage = lazy(() =>
  import('../features/stats/pages/service-stats-page').then((m) => ({ default: m.ServiceStatsPage })),
);
const AssistanceStatsPage = lazy(() =>
  import('../features/assistance/pages/stats-page').then((m) => ({ default: m.AssistanceStatsPage })),
);
const LegalStatsPage = lazy(() =>
  import('../features/stats/pages/legal-stats-page').then((m) => ({ default: m.LegalStatsPage })),
);
const JobStatsPage = lazy(() =>
  import('../features/jobs/pages/job-stats-page').then((m) => ({ default: m.JobStatsPage })),
);
const MemberStatsPage = lazy(() =>
  import('../features/stats/pages/member-stats-page').then((m) => ({ default: m.MemberStatsPage })),
);

const theme = {
  token: { colorPrimary: '#c8161d', colorLink: '#c8161d', borderRadius: 6 },
};

/** Everything under /admin: the staff session, antd in the chosen language, and the pages. */
export function AdminApp() {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp>
        <SessionProvider client={adminApi} kind="staff">
          <Routes>
            <Route path="login" element={<AdminLoginPage />} />
            <Route
              element={
                <RequireStaff>
                  <AdminLayout />
                </RequireStaff>
              }
            >
              <Route index element={<DashboardPage />} />
              <Route
                path="orgs"
                element={
                  <RequirePermission permission="org.read">
                    <OrgTreePage />
                  </RequirePermission>
                }
              />
              <Route
                path="members"
                element={
                  <RequirePermission permission="member.read">
                    <MembersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="members/import"
                element={
                  <RequirePermission permission="member.write">
                    <MemberImportPage />
                  </RequirePermission>
                }
              />
              <Route
                path="join-applications"
                element={
                  <RequirePermission permission="member.write">
                    <JoinApplicationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="transfers"
                element={
                  <RequirePermission permission="member.read">
                    <TransfersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="card-verify"
                element={
                  <RequirePermission permission="card.verify">
                    <CardVerifyPage />
                  </RequirePermission>
                }
              />
              <Route
                path="enterprises"
                element={
                  <RequirePermission permission="enterprise.read">
                    <EnterprisesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="service-stats"
                element={
                  <RequirePermission permission="request.read">
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                      <ServiceStatsPage />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route
                path="stats"
                element={
                  <RequirePermission permission="member.read">
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                      <MemberStatsPage />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route
                path="api-keys"
                element={
                  <RequirePermission permission="apikey.manage">
                    <ApiKeysPage />
                  </RequirePermission>
                }
              />
              <Route
                path="services"
                element={
                  <RequirePermission permission="service.manage">
                    <ServicesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="service-packages"
                element={
                  <RequirePermission permission="service.manage">
                    <ServicePackagesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="requests"
                element={
                  <RequirePermission permission="request.read">
                    <RequestsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="requests/:id"
                element={
                  <RequirePermission permission="request.read">
                    <RequestDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="assistance/*"
                element={
                  <RequirePermission permission="assistance.read">
                    <AssistanceRoutes
                      stats={
                        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                          <AssistanceStatsPage />
                        </Suspense>
                      }
                    />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/lectures"
                element={
                  <RequirePermission permission="legal.read">
                    <LecturesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/lectures/:id"
                element={
                  <RequirePermission permission="legal.read">
                    <LecturePage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/lectures/:id/checkin"
                element={
                  <RequirePermission permission="legal.manage">
                    <LectureCheckinPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/supervision"
                element={
                  <RequirePermission permission="legal.read">
                    <InspectionsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/supervision/new"
                element={
                  <RequirePermission permission="legal.manage">
                    <InspectionNewPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/supervision/:id"
                element={
                  <RequirePermission permission="legal.read">
                    <InspectionPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/stats"
                element={
                  <RequirePermission permission="legal.read">
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                      <LegalStatsPage />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route
                path="legal/workspace"
                element={
                  <RequirePermission permission="legal.answer">
                    <WorkspacePage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/workspace/aid"
                element={
                  <RequirePermission permission="legal.answer">
                    <LawyerCasesPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/workspace/aid/:id"
                element={
                  <RequirePermission permission="legal.answer">
                    <LawyerCasePage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/workspace/:id"
                element={
                  <RequirePermission permission="legal.answer">
                    <WorkspaceDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/consultations"
                element={
                  <RequirePermission permission="legal.read">
                    <ConsultationsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/consultations/:id"
                element={
                  <RequirePermission permission="legal.read">
                    <ConsultationDetailPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/providers"
                element={
                  <RequirePermission permission="legal.read">
                    <ProvidersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/duty"
                element={
                  <RequirePermission permission="legal.read">
                    <DutyPage />
                  </RequirePermission>
                }
              />
              <Route
                path="legal/faq"
                element={
                  <RequirePermission permission="legal.manage">
                    <FaqReviewPage />
                  </RequirePermission>
                }
              />
              <Route
                path="my-jobs"
                element={
                  <RequirePermission permission="jobs.post">
                    <MyJobsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="my-jobs/:id"
                element={
                  <RequirePermission permission="jobs.post">
                    <MyJobPage />
                  </RequirePermission>
                }
              />
              <Route
                path="jobs"
                element={
                  <RequirePermission permission="jobs.read">
                    <JobReviewPage />
                  </RequirePermission>
                }
              />
              <Route
                path="jobs/review/:id"
                element={
                  <RequirePermission permission="jobs.read">
                    <JobReviewPage />
                  </RequirePermission>
                }
              />
              <Route
                path="job-fairs"
                element={
                  <RequirePermission permission="jobs.read">
                    <JobFairsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="recruiters"
                element={
                  <RequirePermission permission="jobs.manage">
                    <RecruitersPage />
                  </RequirePermission>
                }
              />
              <Route
                path="job-stats"
                element={
                  <RequirePermission permission="jobs.manage">
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                      <JobStatsPage />
                    </Suspense>
                  </RequirePermission>
                }
              />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="*" element={<AdminNotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
