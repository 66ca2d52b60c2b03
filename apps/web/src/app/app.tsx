import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LandingPage } from './landing-page';
import { NotFoundPage } from './not-found-page';

// Separate chunks: the phone loads antd-mobile only, never the admin console's antd.
const AdminApp = lazy(() => import('./admin-app').then((m) => ({ default: m.AdminApp })));
const MemberApp = lazy(() => import('./member-app').then((m) => ({ default: m.MemberApp })));

function PageLoading() {
  return <div className="uh-boot-spinner" role="progressbar" aria-busy="true" />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<LandingPage />} />
          <Route path="/admin/*" element={<AdminApp />} />
          <Route path="/m/*" element={<MemberApp />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
