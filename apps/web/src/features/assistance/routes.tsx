import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ApplicationDetailPage } from './pages/application-detail-page';
import { ApplicationsPage } from './pages/applications-page';
import { BatchesPage } from './pages/batches-page';
import { BudgetsPage } from './pages/budgets-page';
import { ConfigsPage } from './pages/configs-page';
import { FileDetailPage } from './pages/file-detail-page';
import { FilesPage } from './pages/files-page';
import { RulesPage } from './pages/rules-page';

/** 帮扶救助 pages under /admin/assistance; statistics come in lazily (ECharts). */
export function AssistanceRoutes({ stats }: { stats: ReactNode }) {
  return (
    <Routes>
      <Route index element={<Navigate to="applications" replace />} />
      <Route path="files" element={<FilesPage />} />
      <Route path="files/:id" element={<FileDetailPage />} />
      <Route path="applications" element={<ApplicationsPage />} />
      <Route path="applications/:id" element={<ApplicationDetailPage />} />
      <Route path="budgets" element={<BudgetsPage />} />
      <Route path="batches" element={<BatchesPage />} />
      <Route path="stats" element={stats} />
      <Route path="rules" element={<RulesPage />} />
      <Route path="configs" element={<ConfigsPage />} />
    </Routes>
  );
}
