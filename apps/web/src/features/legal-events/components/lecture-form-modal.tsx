import type { CreateLectureBody, Lecture, LectureMode } from '@unionhub/contracts';
import { LectureModes, LegalFields } from '@unionhub/contracts';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { describeError, fieldLabel } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { createLecture, updateLecture } from '../api';

interface Values {
  orgId?: number;
  title: string;
  topic: string;
  fields: CreateLectureBody['fields'];
  speakerName: string;
  speakerTitle?: string;
  mode: LectureMode;
  place?: string;
  address?: string;
  onlineUrl?: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  registrationDeadline: Dayjs;
}

/** Drafts a lecture or edits one; server problems land on their fields. */
export function LectureFormModal({
  open,
  lecture,
  onClose,
  onSaved,
}: {
  open: boolean;
  lecture: Lecture | null;
  onClose: () => void;
  onSaved: (lecture: Lecture) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (lecture)
      form.setFieldsValue({
        title: lecture.title,
        topic: lecture.topic,
        fields: lecture.fields,
        speakerName: lecture.speakerName,
        speakerTitle: lecture.speakerTitle ?? '',
        mode: lecture.mode,
        place: lecture.place ?? '',
        address: lecture.address ?? '',
        onlineUrl: lecture.onlineUrl ?? '',
        time: [dayjs(lecture.startsAt), dayjs(lecture.endsAt)],
        capacity: lecture.capacity,
        registrationDeadline: dayjs(lecture.registrationDeadline),
      });
  }, [open, lecture, form]);

  const save = async (v: Values) => {
    const body = {
      title: v.title,
      topic: v.topic,
      fields: v.fields ?? [],
      speakerName: v.speakerName,
      ...(v.speakerTitle ? { speakerTitle: v.speakerTitle } : {}),
      mode: v.mode,
      ...(v.mode === 'onsite' ? { place: v.place ?? '', ...(v.address ? { address: v.address } : {}) } : {}),
      ...(v.mode === 'online' && v.onlineUrl ? { onlineUrl: v.onlineUrl.trim() } : {}),
      startsAt: v.time[0].toISOString(),
      endsAt: v.time[1].toISOString(),
      capacity: v.capacity,
      registrationDeadline: v.registrationDeadline.toISOString(),
    };
    setSaving(true);
    try {
      const saved = lecture
        ? await updateLecture(lecture.id, body)
        : await createLecture({ orgId: v.orgId ?? me.org!.id, ...body });
      void message.success(t('legal.lectures.saved'));
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const byField = new Map<string, string[]>();
        for (const d of err.details) {
          const name = d.path.replace(/^body\./, '').split('.')[0]!;
          const field = name === 'startsAt' || name === 'endsAt' ? 'time' : name;
          byField.set(field, [...(byField.get(field) ?? []), d.message.replace(/ \[[^\]]+\]$/, '')]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
        void message.error(err.details.map((d) => fieldLabel(d.path, t)).join('、'));
      } else void message.error(describeError(err, t).message);
    } finally {
      setSaving(false);
    }
  };

  const need = (label: string) => [
    { required: true, message: t('legal.lectures.form.required', { field: label }) },
  ];
  const f = (k: string) => t(`legal.lectures.form.${k}`);

  return (
    <Modal
      open={open}
      title={lecture ? t('legal.lectures.edit') : t('legal.lectures.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="lecture-form"
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ mode: 'onsite', capacity: 100, fields: [] }}
      >
        {!lecture && (
          <Form.Item name="orgId" label={f('org')} extra={f('orgHint')}>
            <OrgSearchSelect allowClear placeholder={me.org?.name ?? ''} />
          </Form.Item>
        )}
        <Form.Item name="title" label={f('title')} rules={need(f('title'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topic" label={f('topic')} rules={need(f('topic'))}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={f('topicPlaceholder')} />
        </Form.Item>
        <Form.Item name="fields" label={f('fields')}>
          <Select
            mode="multiple"
            options={LegalFields.map((k) => ({ value: k, label: t(`legal.lectures.fields.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="speakerName" label={f('speakerName')} rules={need(f('speakerName'))}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="speakerTitle" label={f('speakerTitle')}>
          <Input maxLength={100} placeholder={f('speakerTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="mode" label={f('mode')}>
          <Radio.Group
            options={LectureModes.map((m) => ({ value: m, label: t(`legal.lectures.modes.${m}`) }))}
          />
        </Form.Item>
        {mode === 'online' ? (
          <Form.Item
            name="onlineUrl"
            label={f('onlineUrl')}
            extra={f('onlineUrlHint')}
            rules={need(f('onlineUrl'))}
          >
            <Input placeholder="https://" maxLength={500} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="place" label={f('place')} rules={need(f('place'))}>
              <Input maxLength={100} placeholder={f('placePlaceholder')} />
            </Form.Item>
            <Form.Item name="address" label={f('address')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="time" label={f('time')} rules={need(f('time'))}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="registrationDeadline"
          label={f('registrationDeadline')}
          rules={need(f('registrationDeadline'))}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="capacity" label={f('capacity')} rules={need(f('capacity'))}>
          <InputNumber min={1} max={100000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
