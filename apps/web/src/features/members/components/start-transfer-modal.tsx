import type { MemberDetail, UnionChoice } from '@unionhub/contracts';
import { Alert, Form, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal';
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
  return (
    <ReasonModal<{ toOrgId: number; reason: string }>
      open={member !== null}
      title={member ? t('transfers.start.title', { name: member.name }) : ''}
      okText={t('transfers.start.button')}
      label={t('transfers.start.reason')}
      required={t('transfers.start.reasonRequired')}
      placeholder={t('transfers.start.reasonPlaceholder')}
      notice={<Alert type="info" showIcon title={t('transfers.start.note')} className="uh-block-alert" />}
      onClose={onClose}
      onSubmit={async ({ toOrgId, reason }) => {
        if (!member) return;
        await startTransfer({ memberId: member.id, toOrgId, reason });
        onStarted();
      }}
    >
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
    </ReasonModal>
  );
}
