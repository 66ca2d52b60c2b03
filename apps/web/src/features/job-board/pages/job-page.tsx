import type { PublicJob } from '@unionhub/contracts';
import { Button, DotLoading, Form, Input, NavBar, Popup, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { applyForJob, getJob } from '../api';

interface ApplyValues {
  name: string;
  skills?: string;
  experience?: string;
  expectedSalary?: string;
}

/** One open job: pay, place, requirements, the employer; 投递简历 opens a short profile. */
export function JobPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [job, setJob] = useState<PublicJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [sending, setSending] = useState(false);
  const [form] = Form.useForm<ApplyValues>();

  const load = useCallback(() => {
    getJob(id).then(setJob, setError);
  }, [id]);
  useEffect(load, [load]);

  const send = async (v: ApplyValues) => {
    setSending(true);
    try {
      const salary = Number(v.expectedSalary);
      await applyForJob(id, {
        name: v.name.trim(),
        skills: v.skills?.trim() ?? '',
        experience: v.experience?.trim() ?? '',
        ...(v.expectedSalary && Number.isInteger(salary) ? { expectedSalary: salary } : {}),
      });
      setApplying(false);
      Toast.show({ icon: 'success', content: t('jobBoard.sent') });
      load();
    } catch (err) {
      Toast.show({ icon: 'fail', content: describeError(err, t).message });
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>{t('jobBoard.title')}</NavBar>
      {!job && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {job && (
        <>
          <section className="uhm-job-detail">
            <h2>{job.title}</h2>
            <div className="uhm-job-pay">
              {t('jobBoard.salaryRange', {
                min: job.salaryMin.toLocaleString('zh-CN'),
                max: job.salaryMax.toLocaleString('zh-CN'),
              })}
            </div>
            <div className="uhm-job-tags">
              <span className="uhm-job-tag">{t(`jobs.categories.${job.category}`)}</span>
              <span className="uhm-job-tag">{job.regionName}</span>
              <span className="uhm-job-tag">{t('jobBoard.headcount', { n: job.headcount })}</span>
              <span className="uhm-job-tag">{t('jobBoard.validUntil', { date: job.validUntil })}</span>
            </div>
            <h3>{t('jobBoard.requirements')}</h3>
            <p>{job.requirements || '—'}</p>
            <h3>{t('jobBoard.description')}</h3>
            <p>{job.description || '—'}</p>
            <h3>{t('jobBoard.enterprise')}</h3>
            <p>{job.enterpriseName}</p>
            {job.enterpriseAddress ? <p>{job.enterpriseAddress}</p> : null}
          </section>
          <div className="uhm-job-bar">
            {job.applied ? (
              <Button block disabled>
                {t('jobBoard.applied', { stage: t(`jobBoard.stages.${job.applied}`) })}
              </Button>
            ) : (
              <Button block color="primary" size="large" onClick={() => setApplying(true)}>
                {t('jobBoard.apply')}
              </Button>
            )}
          </div>
          <Popup
            visible={applying}
            onMaskClick={() => setApplying(false)}
            bodyStyle={{
              borderTopLeftRadius: 12,
              borderTopRightRadius: 12,
              maxHeight: '90vh',
              overflowY: 'auto',
            }}
          >
            <h3 className="uhm-job-apply-title">{t('jobBoard.applyTitle', { title: job.title })}</h3>
            <Form
              form={form}
              layout="vertical"
              onFinish={send}
              footer={
                <>
                  <p className="uhm-job-note">{t('jobBoard.phoneNote')}</p>
                  <Button block type="submit" color="primary" size="large" loading={sending}>
                    {t('jobBoard.send')}
                  </Button>
                </>
              }
            >
              <Form.Item
                name="name"
                label={t('jobBoard.name')}
                rules={[
                  { required: true, min: 2, message: t('jobBoard.required', { field: t('jobBoard.name') }) },
                ]}
              >
                <Input placeholder={t('jobBoard.namePlaceholder')} maxLength={30} />
              </Form.Item>
              <Form.Item name="skills" label={t('jobBoard.skills')}>
                <Input placeholder={t('jobBoard.skillsPlaceholder')} maxLength={500} />
              </Form.Item>
              <Form.Item name="experience" label={t('jobBoard.experience')}>
                <TextArea placeholder={t('jobBoard.experiencePlaceholder')} maxLength={1000} rows={3} />
              </Form.Item>
              <Form.Item name="expectedSalary" label={t('jobBoard.expectedSalary')}>
                <Input type="number" inputMode="numeric" placeholder="5000" />
              </Form.Item>
            </Form>
          </Popup>
        </>
      )}
    </div>
  );
}
