import { PlusOutlined } from '@ant-design/icons';
import type { Job, JobFair, JobFairSummary } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { createFair, getFair, listFairs, listJobs } from '../api';
import { salaryText } from '../components/status-tag';

interface FormValues {
  name: string;
  time: [Dayjs, Dayjs];
  mode: 'onsite' | 'online';
  place: string;
  description?: string;
  jobIds: number[];
}

/** 招聘会: the union's job fairs, and a new one with open jobs of its enterprises. */
export function JobFairsPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('jobs.manage');
  const [items, setItems] = useState<JobFairSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [detail, setDetail] = useState<JobFair | null>(null);
  const [form] = Form.useForm<FormValues>();
  const mode = Form.useWatch('mode', form);

  const load = useCallback(() => {
    listFairs().then((r) => setItems(r.items), setError);
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (open)
      listJobs({ status: 'published', pageSize: 100 }).then(
        (r) => setJobs(r.items),
        () => setJobs([]),
      );
  }, [open]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !me.org) return;
    const byEnterprise = new Map<number, number[]>();
    for (const id of v.jobIds ?? []) {
      const job = jobs.find((j) => j.id === id);
      if (job) byEnterprise.set(job.enterpriseId, [...(byEnterprise.get(job.enterpriseId) ?? []), id]);
    }
    setSaving(true);
    setSaveError(null);
    try {
      const fair = await createFair({
        orgId: me.org.id,
        name: v.name.trim(),
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        mode: v.mode,
        place: v.place.trim(),
        description: v.description?.trim() ?? '',
        enterprises: [...byEnterprise].map(([enterpriseId, jobIds]) => ({ enterpriseId, jobIds })),
      });
      setOpen(false);
      form.resetFields();
      void message.success(t('jobs.fairCreated'));
      setDetail(fair);
      load();
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Card
        title={t('jobs.fairs')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('jobs.newFair')}
            </Button>
          )
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Table<JobFairSummary>
          rowKey="id"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={false}
          onRow={(f) => ({ onClick: () => void getFair(f.id).then(setDetail), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('jobs.fairName'),
              dataIndex: 'name',
              render: (v: string) => <Typography.Link>{v}</Typography.Link>,
            },
            {
              title: t('jobs.fairTime'),
              key: 'time',
              render: (_, f) =>
                `${formatDateTime(f.startsAt, language)} – ${formatDateTime(f.endsAt, language)?.slice(-5)}`,
            },
            {
              title: t('jobs.fairMode'),
              dataIndex: 'mode',
              render: (m: string) => <Tag>{t(`jobs.modes.${m}`)}</Tag>,
            },
            { title: t('jobs.place'), dataIndex: 'place' },
            { title: t('jobs.host'), dataIndex: 'orgName' },
            {
              title: t('jobs.fairJobs'),
              key: 'counts',
              render: (_, f) => t('jobs.fairCounts', { enterprises: f.enterprises, jobs: f.jobs }),
            },
          ]}
        />
      </Card>
      <Drawer open={detail !== null} onClose={() => setDetail(null)} size={560} title={detail?.name}>
        {detail && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>
              {formatDateTime(detail.startsAt, language)} · {t(`jobs.modes.${detail.mode}`)} · {detail.place}
            </div>
            {detail.description ? <p className="uh-pre">{detail.description}</p> : null}
            {detail.participants.map((p) => (
              <Card
                key={p.enterpriseId}
                size="small"
                title={p.enterpriseName}
                extra={p.booth ? t('jobs.booth', { booth: p.booth }) : null}
              >
                <List
                  size="small"
                  dataSource={p.jobs}
                  renderItem={(j) => (
                    <List.Item extra={`${salaryText(j)} 元/月`}>
                      {j.title} · {t('jobs.headcountValue', { n: j.headcount })}
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Space>
        )}
      </Drawer>
      <Modal
        open={open}
        title={t('jobs.newFair')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        confirmLoading={saving}
        width={720}
        destroyOnHidden
      >
        {saveError ? <ErrorAlert error={saveError} /> : null}
        <Form form={form} layout="vertical" name="fair" initialValues={{ mode: 'onsite', jobIds: [] }}>
          <Form.Item name="name" label={t('jobs.fairName')} rules={[{ required: true, min: 2, max: 80 }]}>
            <Input placeholder="例如：2026 年金水区春风行动专场招聘会" />
          </Form.Item>
          <Form.Item name="time" label={t('jobs.fairTime')} rules={[{ required: true }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="mode" label={t('jobs.fairMode')}>
            <Radio.Group
              options={(['onsite', 'online'] as const).map((m) => ({
                value: m,
                label: t(`jobs.modes.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="place"
            label={mode === 'online' ? t('jobs.placeOnline') : t('jobs.place')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('jobs.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="jobIds" label={t('jobs.fairJobs')} extra={t('jobs.fairJobsHelp')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={jobs.map((j) => ({ value: j.id, label: `${j.enterpriseName} · ${j.title}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
