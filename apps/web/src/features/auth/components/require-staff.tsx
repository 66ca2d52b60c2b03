import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { describeError } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { loginPathFor } from '../redirect';

/** Shows its children only to a signed-in staff user; anyone else goes to the sign-in page. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'anonymous') return <Navigate to={loginPathFor('/admin', location)} replace />;
  if (session.status === 'loading') {
    return (
      <div className="uh-fullscreen-center">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (session.status === 'error') {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={describeError(session.error, t).message}
        extra={
          <Button type="primary" onClick={() => void session.reload().catch(() => undefined)}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return children;
}
