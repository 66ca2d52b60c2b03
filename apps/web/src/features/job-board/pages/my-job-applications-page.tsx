import type { JobApplication } from '@unionhub/contracts';
import { DotLoading, Empty, List, NavBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listMyApplications } from '../api';

const COLORS = {
  applied: 'primary',
  viewed: 'primary',
  interview: 'warning',
  hired: 'success',
  rejected: 'default',
} as const;

/** 我的求职: every job the member applied for, with where it stands. */
export function MyJobApplicationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<JobApplication[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMyApplications().then((r) => setItems(r.items), setError);
  }, []);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>{t('jobBoard.myApplications')}</NavBar>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && <Empty description={t('jobBoard.noApplications')} />}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((a) => (
            <List.Item
              key={a.id}
              onClick={() => navigate(`/m/jobs/${a.jobId}`)}
              description={
                <>
                  <div>{a.enterpriseName}</div>
                  <div>{new Date(a.stageChangedAt).toLocaleDateString('zh-CN')}</div>
                </>
              }
              extra={<Tag color={COLORS[a.stage]}>{t(`jobBoard.stages.${a.stage}`)}</Tag>}
            >
              {a.jobTitle}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
