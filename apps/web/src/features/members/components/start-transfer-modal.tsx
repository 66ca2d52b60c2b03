import type { MemberDetail, UnionChoice } from '@unionhub/contracts';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { findTransferDestinations, startTransfer } from '../api';

/** Grassroots unions as the name or pinyin is typed; a destination may be anywhere, not only in our subtree. */
function DestinationSelect({
  value,
  onChange,
  excludeId,
  id,
}: {
  value?: number;
  onChange?: (value: number) => void;
  excludeId: number;
  id?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<UnionChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    const mine = ++seq.current;
    if (!q) {
      setOptions([]);
      return;
    }
    setLoading(true);
    timer.current = setTimeout(() => {
      findTransferDestinations(q).then(
        (items) => {
          if (mine !== seq.current) return;
          setOptions(items.filter((u) => u.id !== excludeId));
          setLoading(false);
        },
        () => mine === seq.current && setLoading(false),
      );
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('transfers.start.toPlaceholder')}
      notFoundContent={loading ? null : t('transfers.start.noUnion')}
      options={options.map((u) => ({
        value: u.id,
        label: u.name,
        title: u.address ?? u.name,
      }))}
    />
  );
}

/** 发起转接 from the member drawer: the destination union and a reason; the origin approves next. */
export function StartTransferModal({
  member,
  onClose,
  onStarted,
}: {
  member: MemberDetail | null;
  onClose: () => void;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ toOrgId: number; reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!member) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      await startTransfer({ memberId: member.id, toOrgId: v.toOrgId, reason: v.reason.trim() });
      onStarted();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={member !== null}
      title={member ? t('transfers.start.title', { name: member.name }) : ''}
      onOk={submit}
      okText={t('transfers.start.button')}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('transfers.start.note')} className="uh-block-alert" />
      <Form form={form} layout="vertical">
        <Form.Item label={t('transfers.start.from')}>
          <Typography.Text>{member?.orgName}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="toOrgId"
          label={t('transfers.start.to')}
          rules={[{ required: true, message: t('transfers.start.toRequired') }]}
        >
          <DestinationSelect excludeId={member?.orgId ?? 0} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('transfers.start.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('transfers.start.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} placeholder={t('transfers.start.reasonPlaceholder')} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
