import type { JobFair, JobFairSummary } from '@unionhub/contracts';
import { DotLoading, Empty, List, NavBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { getFair, listFairs } from '../api';
import { JobCardItem } from '../job-card';

const when = (startsAt: string, endsAt: string) => {
  const f = (d: string, o: Intl.DateTimeFormatOptions) =>
    new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', ...o });
  return `${f(startsAt, { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' })}–${f(endsAt, { hour: '2-digit', minute: '2-digit' })}`;
};

/** 招聘会: the fairs unions hold, latest first. */
export function JobFairsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<JobFairSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    listFairs().then((r) => setItems(r.items), setError);
  }, []);
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>{t('jobBoard.fairs')}</NavBar>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && <Empty description={t('jobBoard.noFairs')} />}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((f) => (
            <List.Item
              key={f.id}
              onClick={() => navigate(`/m/job-fairs/${f.id}`)}
              description={
                <>
                  <div>{when(f.startsAt, f.endsAt)}</div>
                  <div>{f.place}</div>
                  <div>{t('jobBoard.fairJobs', { enterprises: f.enterprises, jobs: f.jobs })}</div>
                </>
              }
              extra={<Tag color="primary">{t(`jobBoard.modes.${f.mode}`)}</Tag>}
            >
              {f.name}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** One fair: when and where, then each employer with its booth and open jobs. */
export function JobFairPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [fair, setFair] = useState<JobFair | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getFair(id).then(setFair, setError);
  }, [id]);
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>{t('jobBoard.fairs')}</NavBar>
      {!fair && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {fair && (
        <>
          <section className="uhm-job-detail">
            <h2>{fair.name}</h2>
            <p>{when(fair.startsAt, fair.endsAt)}</p>
            <p>
              {t(`jobBoard.modes.${fair.mode}`)} · {fair.place}
            </p>
            {fair.description ? <p style={{ marginTop: 8 }}>{fair.description}</p> : null}
            <p style={{ marginTop: 8 }}>{fair.orgName}</p>
          </section>
          {fair.participants.map((p) => (
            <div key={p.enterpriseId}>
              <div className="uhm-jobs-total">
                {p.enterpriseName}
                {p.booth ? ` · ${t('jobBoard.booth', { booth: p.booth })}` : ''}
              </div>
              {p.jobs.map((job) => (
                <JobCardItem key={job.id} job={job} onOpen={() => navigate(`/m/jobs/${job.id}`)} />
              ))}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
