import { type CreateJobBody, type Job, JobCategories } from '@unionhub/contracts';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { RegionPicker } from '../../reference/components/region-picker';
import { createJob, updateJob } from '../api';

type FormValues = Omit<CreateJobBody, 'validUntil'> & { validUntil: Dayjs };

/** 发布新岗位 / 修改岗位: every field of a posting; the API checks the range, region and last day. */
export function JobFormModal({
  open,
  job,
  regionRoot,
  onClose,
  onSaved,
}: {
  open: boolean;
  job: Job | null;
  regionRoot: string;
  onClose: () => void;
  onSaved: (job: Job) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (job) form.setFieldsValue({ ...job, validUntil: dayjs(job.validUntil) });
  }, [open, job, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    const body: CreateJobBody = {
      title: v.title.trim(),
      category: v.category,
      salaryMin: v.salaryMin,
      salaryMax: v.salaryMax,
      regionCode: v.regionCode,
      requirements: v.requirements?.trim() ?? '',
      headcount: v.headcount,
      validUntil: v.validUntil.format('YYYY-MM-DD'),
      description: v.description?.trim() ?? '',
    };
    try {
      onSaved(job ? await updateJob(job.id, body) : await createJob(body));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={job ? t('jobs.editJob') : t('jobs.newJob')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        name="job"
        layout="vertical"
        className="uh-form-grid"
        initialValues={{ headcount: 1, validUntil: dayjs().add(30, 'day') }}
      >
        <Form.Item name="title" label={t('jobs.title')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input maxLength={60} placeholder="例如：电焊工" />
        </Form.Item>
        <Form.Item name="category" label={t('jobs.category')} rules={[{ required: true }]}>
          <Select options={JobCategories.map((c) => ({ value: c, label: t(`jobs.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="salaryMin" label={t('jobs.salaryMin')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} step={500} addonAfter="元/月" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="salaryMax"
          label={t('jobs.salaryMax')}
          dependencies={['salaryMin']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value?: number) =>
                value === undefined || value >= (getFieldValue('salaryMin') ?? 0)
                  ? Promise.resolve()
                  : Promise.reject(new Error('最高月薪不能低于最低月薪')),
            }),
          ]}
        >
          <InputNumber min={0} max={1_000_000} step={500} addonAfter="元/月" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('jobs.region')} rules={[{ required: true }]}>
          <RegionPicker rootCode={regionRoot} />
        </Form.Item>
        <Form.Item name="headcount" label={t('jobs.headcount')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10_000} addonAfter="人" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('jobs.validUntil')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')}
          />
        </Form.Item>
        <Form.Item name="requirements" label={t('jobs.requirements')} className="uh-form-wide">
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="年龄、证书、经验等" />
        </Form.Item>
        <Form.Item name="description" label={t('jobs.description')} className="uh-form-wide">
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="工作内容、班次、食宿和福利待遇" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
