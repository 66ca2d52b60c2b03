import {
  type HardshipCause,
  HardshipCauses,
  type HouseholdMemberInput,
  type Member,
} from '@unionhub/contracts';
import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { createFile } from '../api';
import { HouseholdFields } from './household-fields';

interface Values {
  memberId: number;
  household: HouseholdMemberInput[];
  incomeYuan: number;
  causes: HardshipCause[];
}

/** 新建档案: a member of the subtree (found by name), the household, income and causes. */
export function FileFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const search = (q: string) => {
    if (!q.trim()) return;
    adminApi
      .get<{ items: Member[] }>('/members', { query: { q: q.trim(), pageSize: 10 } })
      .then((r) =>
        setOptions(
          r.items.map((m) => ({ value: m.id, label: `${m.name} · ${m.idNumberMasked} · ${m.orgName}` })),
        ),
      )
      .catch(() => setOptions([]));
  };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const file = await createFile({
        memberId: v.memberId,
        household: v.household.map((h) => ({
          ...h,
          name: h.name.trim(),
          idNumber: h.idNumber.trim().toUpperCase(),
        })),
        incomePerPersonFen: Math.round(v.incomeYuan * 100),
        causes: v.causes,
      });
      onCreated(file.id);
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={900}
      title={t('assistance.newFile')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="hardship-file"
        initialValues={{
          household: [{ relationship: 'self', health: 'healthy', jobStatus: 'employed' }],
          causes: [],
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="memberId" label={t('assistance.applicant')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={search}
            options={options}
            placeholder={t('assistance.searchName')}
          />
        </Form.Item>
        <Form.Item label={t('assistance.household')} required>
          <HouseholdFields />
        </Form.Item>
        <Form.Item name="incomeYuan" label={t('assistance.incomeYuan')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter="元" />
        </Form.Item>
        <Form.Item name="causes" label={t('assistance.causesLabel')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={HardshipCauses.map((c) => ({ value: c, label: t(`assistance.causes.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
