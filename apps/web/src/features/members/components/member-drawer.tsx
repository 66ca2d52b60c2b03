import { EditOutlined, EyeOutlined, NodeIndexOutlined, SwapOutlined } from '@ant-design/icons';
import type { MemberDetail, MemberPii } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Grid,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PersonSummary } from '../../../components/person-summary';
import { ReasonModal } from '../../../components/reason-modal';
import { useMe } from '../../../lib/session';
import { changeMemberStatus, getMember } from '../api';
import { MemberCards } from './member-cards';
import { MemberFormModal } from './member-form-modal';
import { PiiReasonModal } from './pii-reason-modal';
import { StartTransferModal } from './start-transfer-modal';

const statusColors: Record<MemberDetail['status'], string> = {
  active: 'green',
  transferred_out: 'blue',
  left: 'default',
  deceased: 'default',
};

/** The one member: masked record, history and the actions the API allows this caller. */
export function MemberDrawer({
  memberId,
  onClose,
  onChanged,
}: {
  memberId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pii, setPii] = useState<MemberPii | null>(null);
  const [dialog, setDialog] = useState<'pii' | 'edit' | 'status' | 'transfer' | null>(null);
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p as never);

  const load = useCallback(() => {
    if (memberId === null) return;
    setError(null);
    getMember(memberId).then(setMember, setError);
  }, [memberId]);
  useEffect(() => {
    setMember(null);
    setPii(null);
    setDialog(null);
    load();
  }, [load]);

  const allowed = new Set(member?.allowedActions ?? []);
  const empty = t('common.empty');

  return (
    <Drawer
      open={memberId !== null}
      onClose={onClose}
      title={member ? `${t('members.detail.title')} · ${member.name}` : t('members.detail.title')}
      size={screens.md ? 640 : '100%'}
      extra={
        member ? (
          <Space wrap>
            {allowed.has('viewPii') && !pii ? (
              <Button icon={<EyeOutlined />} onClick={() => setDialog('pii')}>
                {t('members.detail.viewPii')}
              </Button>
            ) : null}
            {allowed.has('edit') ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('members.detail.edit')}
              </Button>
            ) : null}
            {allowed.has('changeStatus') ? (
              <Button icon={<SwapOutlined />} onClick={() => setDialog('status')}>
                {t('members.detail.changeStatus')}
              </Button>
            ) : null}
            {member.status === 'active' && can('member.write') ? (
              <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('transfer')}>
                {t('transfers.start.button')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {member ? (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          {pii ? (
            <Alert type="info" showIcon title={t('members.pii.shownTitle')} data-testid="member-pii" />
          ) : null}
          <PersonSummary
            labels={{ name: t('members.name'), idNumber: t('members.idNumber'), phone: t('members.phone') }}
            person={member}
            revealed={pii}
            rows={[
              { key: 'gender', label: t('members.gender'), children: t(`members.genders.${member.gender}`) },
              { key: 'birthDate', label: t('members.birthDate'), children: member.birthDate },
              { key: 'org', label: t('members.org'), children: member.orgName },
              { key: 'employer', label: t('members.employer'), children: member.employerName ?? empty },
              { key: 'joinedOn', label: t('members.joinedOn'), children: member.joinedOn },
              {
                key: 'status',
                label: t('members.status'),
                children: (
                  <Tag color={statusColors[member.status]}>{t(`members.statuses.${member.status}`)}</Tag>
                ),
              },
              {
                key: 'categories',
                label: t('members.categories'),
                children: member.categories.length
                  ? member.categories.map((c) => <Tag key={c}>{t(`members.categoryNames.${c}`)}</Tag>)
                  : empty,
              },
              { key: 'cardNo', label: t('members.cardNo'), children: member.cardNo ?? empty },
            ]}
          />
          {can('card.manage') ? <MemberCards key={member.id} member={member} onChanged={load} /> : null}
          <div>
            <Typography.Title level={5}>{t('members.detail.history')}</Typography.Title>
            {member.history.length === 0 ? (
              <Typography.Text type="secondary">{t('members.detail.historyEmpty')}</Typography.Text>
            ) : (
              <Timeline
                items={member.history.map((h) => ({
                  content: (
                    <div>
                      <div>
                        {new Date(h.at).toLocaleString()}{' '}
                        {h.fromStatus === null ? (
                          t('members.detail.registered')
                        ) : (
                          <Tag color={statusColors[h.toStatus]}>{t(`members.statuses.${h.toStatus}`)}</Tag>
                        )}
                      </div>
                      {h.reason ? (
                        <Typography.Text type="secondary">
                          {t('members.detail.reasonLabel', { reason: h.reason })}
                        </Typography.Text>
                      ) : null}
                      {h.actorName ? (
                        <div>
                          <Typography.Text type="secondary">
                            {t('members.detail.by', { name: h.actorName })}
                          </Typography.Text>
                        </div>
                      ) : null}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      ) : error ? null : (
        <Skeleton active />
      )}
      <PiiReasonModal
        key={`pii-${dialog}`}
        memberId={dialog === 'pii' && member ? member.id : null}
        onClose={() => setDialog(null)}
        onRead={(read) => {
          setPii(read);
          setDialog(null);
        }}
      />
      <MemberFormModal
        open={dialog === 'edit'}
        member={member ?? undefined}
        onClose={() => setDialog(null)}
        onSaved={(m) => {
          setDialog(null);
          void message.success(t('members.form.saved', { name: m.name }));
          load();
          onChanged();
        }}
      />
      <StartTransferModal
        member={dialog === 'transfer' ? member : null}
        onClose={() => setDialog(null)}
        onStarted={() => {
          setDialog(null);
          void message.success(t('transfers.start.done', { name: member?.name ?? '' }));
        }}
      />
      <StatusModal
        key={`status-${dialog}`}
        member={dialog === 'status' ? member : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void message.success(t('members.statusChange.done'));
          load();
          onChanged();
        }}
      />
    </Drawer>
  );
}

function StatusModal({
  member,
  onClose,
  onDone,
}: {
  member: MemberDetail | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const choices = member?.status === 'active' ? (['left', 'deceased'] as const) : (['active'] as const);

  return (
    <ReasonModal<{ status: 'active' | 'left' | 'deceased'; reason: string }>
      open={member !== null}
      title={t('members.statusChange.title')}
      label={t('members.statusChange.reason')}
      required={t('members.statusChange.reasonRequired')}
      onClose={onClose}
      onSubmit={async ({ status, reason }) => {
        if (!member) return;
        await changeMemberStatus(member.id, { status, reason });
        onDone();
      }}
    >
      <Form.Item name="status" label={t('members.statusChange.to')} rules={[{ required: true }]}>
        <Select
          options={choices.map((s) => ({ value: s, label: t(`members.statusChange.toOptions.${s}`) }))}
        />
      </Form.Item>
    </ReasonModal>
  );
}
