import type { Transfer, TransferDetail, UnionChoice } from '@unionhub/contracts';
import {
  Button,
  Dialog,
  DotLoading,
  ErrorBlock,
  List,
  NavBar,
  Popup,
  SearchBar,
  Steps,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { transferStepKey } from '../../../lib/transfer-flow';
import { cancelMyTransfer, getMyTransfer, listMyTransfers, searchUnions, startMyTransfer } from '../api';

const tagColors: Record<Transfer['status'], string> = {
  pending_origin: 'warning',
  pending_destination: 'warning',
  completed: 'success',
  rejected: 'danger',
  cancelled: 'default',
};

const isOpen = (t: Transfer) => t.status === 'pending_origin' || t.status === 'pending_destination';

function TransferCard({ transfer, onChanged }: { transfer: Transfer; onChanged: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [detail, setDetail] = useState<TransferDetail | null>(null);

  useEffect(() => {
    getMyTransfer(transfer.id).then(setDetail, () => setDetail(null));
  }, [transfer]);

  const cancel = async () => {
    const ok = await Dialog.confirm({
      content: t('memberTransfers.cancelConfirm'),
      confirmText: t('memberTransfers.cancel'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await cancelMyTransfer(transfer.id);
      Toast.show({ content: t('memberTransfers.cancelled') });
      onChanged();
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
    }
  };

  const date = (value: string) => formatDateTime(value, language) ?? value;
  return (
    <section className="uhm-join-section uhm-transfer" data-testid="my-transfer">
      <div className="uhm-transfer-head">
        <Tag color={tagColors[transfer.status]}>{t(`transferFlow.statuses.${transfer.status}`)}</Tag>
        <span className="uhm-transfer-date">{date(transfer.createdAt)}</span>
      </div>
      <div className="uhm-transfer-route">
        <div>
          <div className="uhm-join-label">{t('memberTransfers.from')}</div>
          <div>{transfer.fromOrgName}</div>
        </div>
        <div className="uhm-transfer-arrow" aria-hidden="true">
          ↓
        </div>
        <div>
          <div className="uhm-join-label">{t('memberTransfers.to')}</div>
          <div>{transfer.toOrgName}</div>
        </div>
      </div>
      <div className="uhm-join-field-note">
        {t('memberTransfers.reason')}：{transfer.reason}
      </div>
      {transfer.decisionReason ? (
        <div className="uhm-join-result-reason">
          {t('memberTransfers.decisionReason', { reason: transfer.decisionReason })}
        </div>
      ) : null}
      {isOpen(transfer) ? (
        <div className="uhm-join-field-note">
          {t('transferFlow.autoAcceptAt', { date: date(transfer.autoAcceptAt) })}
        </div>
      ) : null}
      {detail ? (
        <>
          <div className="uhm-join-label uhm-transfer-steps-title">{t('memberTransfers.steps')}</div>
          <Steps direction="vertical" current={detail.history.length - 1}>
            {detail.history.map((s) => (
              <Steps.Step
                key={`${s.at}-${s.action}`}
                status={s.action === 'reject' ? 'error' : 'finish'}
                title={t(`transferFlow.steps.${transferStepKey(s)}`)}
                description={[date(s.at), s.reason].filter(Boolean).join(' · ')}
              />
            ))}
          </Steps>
        </>
      ) : null}
      {transfer.allowedActions.includes('cancel') ? (
        <Button block fill="outline" color="danger" onClick={cancel}>
          {t('memberTransfers.cancel')}
        </Button>
      ) : null}
    </section>
  );
}

function StartTransferPopup({
  visible,
  onClose,
  onStarted,
}: {
  visible: boolean;
  onClose: () => void;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [unions, setUnions] = useState<UnionChoice[] | null>(null);
  const [chosen, setChosen] = useState<UnionChoice | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setUnions(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchUnions(q).then(
        (items) => live && setUnions(items),
        () => live && setUnions([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const submit = async () => {
    setError(null);
    if (!chosen) return setError(t('memberTransfers.form.toRequired'));
    const why = reason.trim();
    if (why.length < 2) return setError(t('memberTransfers.form.reasonRequired'));
    setSending(true);
    try {
      await startMyTransfer({ toOrgId: chosen.id, reason: why });
      Toast.show({ content: t('memberTransfers.form.submitted') });
      onStarted();
    } catch (err) {
      setError(
        isApiError(err, 'MEMBER_NOT_FOUND') ? t('memberTransfers.notMember') : describeError(err, t).message,
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="uhm-transfer-popup" destroyOnClose>
      <h2 className="uhm-transfer-popup-title">{t('memberTransfers.form.title')}</h2>
      <div className="uhm-join-label">{t('memberTransfers.form.toLabel')}</div>
      {chosen ? (
        <div className="uhm-join-chosen">
          <div className="uhm-join-chosen-name">{chosen.name}</div>
          <Button size="small" fill="outline" onClick={() => setChosen(null)}>
            {t('memberJoin.change')}
          </Button>
        </div>
      ) : (
        <>
          <SearchBar
            placeholder={t('memberTransfers.form.searchPlaceholder')}
            value={text}
            onChange={setText}
          />
          {unions && unions.length === 0 ? (
            <div className="uhm-join-hint">{t('memberTransfers.form.noUnion')}</div>
          ) : null}
          {unions && unions.length > 0 ? (
            <List className="uhm-join-unions">
              {unions.map((u) => (
                <List.Item key={u.id} onClick={() => setChosen(u)} arrowIcon>
                  {u.name}
                </List.Item>
              ))}
            </List>
          ) : null}
        </>
      )}
      <div className="uhm-join-label uhm-transfer-reason-label">{t('memberTransfers.form.reasonLabel')}</div>
      <TextArea
        aria-label={t('memberTransfers.form.reasonLabel')}
        placeholder={t('memberTransfers.form.reasonPlaceholder')}
        value={reason}
        onChange={setReason}
        maxLength={200}
        rows={3}
        showCount
      />
      {error ? (
        <div className="uhm-join-field-error" role="alert">
          {error}
        </div>
      ) : null}
      <Button block color="primary" size="large" shape="rounded" loading={sending} onClick={submit}>
        {t('memberTransfers.form.submit')}
      </Button>
    </Popup>
  );
}

/** 我的转接: every transfer of the member's membership with its steps; ask for one, withdraw one. */
export function MemberTransfersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Transfer[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  const load = useCallback(() => {
    setError(null);
    listMyTransfers().then(setItems, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <div className="uhm-join">
      <NavBar className="uhm-join-nav" onBack={() => navigate('/m/me')}>
        {t('memberTransfers.title')}
      </NavBar>
      <p className="uhm-join-intro">{t('memberTransfers.intro')}</p>
      {error ? (
        <ErrorBlock
          status="default"
          title={t('common.loadFailed')}
          description={describeError(error, t).message}
        />
      ) : items === null ? (
        <div className="uhm-join-loading">
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          {items.length === 0 ? (
            <ErrorBlock status="empty" title={t('memberTransfers.none')} description="" />
          ) : (
            items.map((transfer) => <TransferCard key={transfer.id} transfer={transfer} onChanged={load} />)
          )}
          {items.some(isOpen) ? null : (
            <div className="uhm-join-submit">
              <Button block color="primary" size="large" shape="rounded" onClick={() => setStarting(true)}>
                {t('memberTransfers.start')}
              </Button>
            </div>
          )}
        </>
      )}
      <StartTransferPopup
        visible={starting}
        onClose={() => setStarting(false)}
        onStarted={() => {
          setStarting(false);
          load();
        }}
      />
    </div>
  );
}
