import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { describeError } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { loginPathFor } from '../redirect';

/** Shows its children only to a signed-in member; anyone else goes to the sign-in page. */
export function RequireMember({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'anonymous') return <Navigate to={loginPathFor('/m', location)} replace />;
  if (session.status === 'loading') {
    return (
      <div className="uhm-center">
        <SpinLoading color="primary" />
      </div>
    );
  }
  if (session.status === 'error') {
    return (
      <div className="uhm-center">
        <ErrorBlock
          status="disconnected"
          title={t('common.loadFailed')}
          description={describeError(session.error, t).message}
        >
          <Button color="primary" onClick={() => void session.reload().catch(() => undefined)}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      </div>
    );
  }
  return children;
}
