import type { Card, MemberDetail } from '@unionhub/contracts';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { type CardAction, changeCard, issueCard, listMemberCards } from '../api';

const cardStatusColors: Record<Card['status'], string> = {
  active: 'green',
  suspended: 'orange',
  revoked: 'default',
  replaced: 'default',
};

/** 4101 0526 0000 0017: as printed on the card. */
export const groupedCardNo = (cardNo: string) => cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');

/** What may be done to a card in this status; the API answers 409 for anything else. */
export function cardActionsFor(status: Card['status']): CardAction[] {
  if (status === 'active') return ['suspend', 'reissue', 'revoke'];
  if (status === 'suspended') return ['resume', 'reissue', 'revoke'];
  return [];
}

/** The member's card in the drawer: issue one, suspend, resume, revoke or reissue it, and every card held. */
export function MemberCards({ member, onChanged }: { member: MemberDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message, modal } = App.useApp();
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<{ card: Card; action: CardAction } | null>(null);

  const load = useCallback(() => {
    setError(null);
    listMemberCards(member.id).then(setCards, setError);
  }, [member.id]);
  useEffect(load, [load]);

  const current = cards?.find((c) => c.status === 'active' || c.status === 'suspended') ?? null;

  const done = (action: CardAction | 'issue', card: Card) => {
    void message.success(
      action === 'issue'
        ? t('members.cards.issued', { cardNo: groupedCardNo(card.cardNo) })
        : t(`members.cards.done.${action}`, { cardNo: groupedCardNo(card.cardNo) }),
    );
    load();
    onChanged();
  };

  const issue = async () => {
    try {
      done('issue', await issueCard(member.id));
    } catch (err) {
      setError(err);
    }
  };

  const start = (card: Card, action: CardAction) => {
    if (action !== 'resume') {
      setPending({ card, action });
      return;
    }
    modal.confirm({
      title: t('members.cards.actions.resume'),
      content: t('members.cards.resumeConfirm', { cardNo: groupedCardNo(card.cardNo) }),
      okText: t('members.cards.actions.resume'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          done('resume', await changeCard(card.id, 'resume'));
        } catch (err) {
          setError(err);
        }
      },
    });
  };

  const date = (v: string) => formatDateTime(v, language) ?? v;

  return (
    <div data-testid="member-cards">
      <Typography.Title level={5}>{t('members.cards.title')}</Typography.Title>
      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
      {cards === null ? null : current ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong className="uh-card-no" data-testid="current-card-no">
              {groupedCardNo(current.cardNo)}
            </Typography.Text>
            <Tag color={cardStatusColors[current.status]}>
              {t(`members.cards.statuses.${current.status}`)}
            </Tag>
          </Space>
          <Space wrap>
            {cardActionsFor(current.status).map((action) => (
              <Button
                key={action}
                size="small"
                danger={action === 'revoke'}
                onClick={() => start(current, action)}
              >
                {t(`members.cards.actions.${action}`)}
              </Button>
            ))}
          </Space>
        </Space>
      ) : (
        <Space>
          <Typography.Text type="secondary">{t('members.cards.none')}</Typography.Text>
          {member.status === 'active' ? (
            <Button size="small" type="primary" onClick={() => void issue()}>
              {t('members.cards.issue')}
            </Button>
          ) : null}
        </Space>
      )}
      {cards && cards.length > 0 ? (
        <Table<Card>
          className="uh-card-history"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={cards}
          title={() => t('members.cards.history')}
          columns={[
            { title: t('members.cards.cardNo'), dataIndex: 'cardNo', render: groupedCardNo },
            {
              title: t('members.cards.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: Card['status']) => (
                <Tag color={cardStatusColors[s]}>{t(`members.cards.statuses.${s}`)}</Tag>
              ),
            },
            { title: t('members.cards.issuedAt'), dataIndex: 'issuedAt', render: date },
            { title: t('members.cards.changedAt'), dataIndex: 'statusChangedAt', render: date },
          ]}
        />
      ) : null}
      <CardReasonModal
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(action, card) => {
          setPending(null);
          done(action, card);
        }}
      />
    </div>
  );
}

function CardReasonModal({
  pending,
  onClose,
  onDone,
}: {
  pending: { card: Card; action: CardAction } | null;
  onClose: () => void;
  onDone: (action: CardAction, card: Card) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const action = pending?.action;

  const submit = async () => {
    if (!pending) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onDone(pending.action, await changeCard(pending.card.id, pending.action, v.reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={pending !== null}
      title={
        pending
          ? `${t(`members.cards.actions.${pending.action}`)} · ${groupedCardNo(pending.card.cardNo)}`
          : ''
      }
      onOk={submit}
      okText={action ? t(`members.cards.actions.${action}`) : undefined}
      okButtonProps={{ danger: action === 'revoke' || action === 'suspend' }}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {action === 'revoke' ? (
        <Alert type="error" showIcon title={t('members.cards.revokeWarning')} className="uh-block-alert" />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('members.cards.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('members.cards.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            placeholder={action ? t(`members.cards.reasonPlaceholders.${action}`) : undefined}
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
