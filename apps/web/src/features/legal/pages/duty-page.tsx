import { CalendarOutlined, CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { DutySlot, DutyWeek, LegalProvider } from '@unionhub/contracts';
import { Alert, App, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { copyWeek, createSlot, deleteSlot, getDutyWeek, listProviders, swapSlots, updateSlot } from '../api';
import { DutyGrid, type HourRange } from '../components/duty-grid';
import { type SlotDraft, SlotModal } from '../components/slot-modal';
import { addDays, chinaToday, weekInstant } from '../duty-week';
import { chinaDateTime, chinaTime } from '../format';

/** 值班表: a union's week of duty slots — build it on the grid, copy it to next week, swap, and close the gaps. */
export function DutyPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('legal.manage');
  const [orgId, setOrgId] = useState<number | undefined>(me.org?.id);
  const [day, setDay] = useState(chinaToday());
  const [week, setWeek] = useState<DutyWeek | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [providers, setProviders] = useState<LegalProvider[]>([]);
  const [editing, setEditing] = useState<{ slot: DutySlot | null; draft: SlotDraft | null } | null>(null);
  const [swapFrom, setSwapFrom] = useState<DutySlot | null>(null);

  const load = useCallback(() => {
    if (!orgId) return;
    setError(null);
    getDutyWeek(orgId, day).then(setWeek, setError);
  }, [orgId, day]);
  useEffect(load, [load]);
  useEffect(() => {
    listProviders({ status: 'active', includeAbove: true, pageSize: 200 }).then(
      (r) => setProviders(r.items),
      () => setProviders([]),
    );
  }, []);

  const onSelectRange = useCallback(
    (range: HourRange) => {
      if (!canManage || !week) return;
      setEditing({
        slot: null,
        draft: {
          startsAt: weekInstant(week.weekStart, range.day * 24 + range.from),
          endsAt: weekInstant(week.weekStart, range.day * 24 + range.to),
          fields: [],
        },
      });
    },
    [canManage, week],
  );

  const onSlotClick = async (slot: DutySlot) => {
    if (!canManage) return;
    if (swapFrom && swapFrom.id !== slot.id) {
      try {
        await swapSlots(swapFrom.id, slot.id);
        void message.success(t('legalConsult.duty.swapped'));
        setSwapFrom(null);
        load();
      } catch (err) {
        void message.error(describeError(err, t).message);
      }
      return;
    }
    setEditing({ slot, draft: null });
  };

  const copyToNext = () => {
    if (!week || !orgId) return;
    modal.confirm({
      title: t('legalConsult.duty.copyConfirm', { count: week.slots.length }),
      onOk: async () => {
        try {
          const r = await copyWeek(orgId, week.weekStart, addDays(week.weekStart, 7));
          void message.success(t('legalConsult.duty.copied', { count: r.copied }));
        } catch (err) {
          void message.error(describeError(err, t).message);
        }
      },
    });
  };

  const gapText = (g: { startsAt: string; endsAt: string }) =>
    `${chinaDateTime(g.startsAt)}–${chinaTime(g.endsAt)}`;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <CalendarOutlined /> {t('legalConsult.duty.title')}
      </Typography.Title>
      <Card>
        <div className="uh-table-toolbar uh-duty-toolbar">
          <Space wrap>
            <Typography.Text>{t('legalConsult.duty.union')}</Typography.Text>
            {/* The caller's own union shows as the placeholder until another is chosen. */}
            <OrgSearchSelect
              value={orgId === me.org?.id ? undefined : orgId}
              onChange={(v) => setOrgId(v ?? me.org?.id)}
              placeholder={me.org?.name}
              style={{ width: 240 }}
            />
            <Button icon={<LeftOutlined />} onClick={() => setDay(addDays(week?.weekStart ?? day, -7))}>
              {t('legalConsult.duty.prevWeek')}
            </Button>
            <Button onClick={() => setDay(chinaToday())}>{t('legalConsult.duty.thisWeek')}</Button>
            <Button onClick={() => setDay(addDays(week?.weekStart ?? day, 7))}>
              {t('legalConsult.duty.nextWeek')} <RightOutlined />
            </Button>
            {week && (
              <Typography.Text strong data-testid="duty-week">
                {t('legalConsult.duty.week', { from: week.weekStart, to: addDays(week.weekStart, 6) })}
              </Typography.Text>
            )}
          </Space>
          {canManage && (
            <Button icon={<CopyOutlined />} onClick={copyToNext} disabled={!week?.slots.length}>
              {t('legalConsult.duty.copyToNext')}
            </Button>
          )}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {week &&
          (week.gaps.length > 0 ? (
            <Alert
              type="error"
              showIcon
              className="uh-block-alert"
              data-testid="duty-gaps"
              title={t('legalConsult.duty.gapsWarning', { count: week.gaps.length })}
              description={t('legalConsult.duty.gapsList', {
                list: week.gaps.slice(0, 6).map(gapText).join('；'),
              })}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              className="uh-block-alert"
              data-testid="duty-full"
              title={t('legalConsult.duty.noGaps')}
            />
          ))}
        {swapFrom && (
          <Alert
            type="info"
            showIcon
            className="uh-block-alert"
            title={t('legalConsult.duty.swapHint', {
              name: swapFrom.provider.name,
              time: `${chinaDateTime(swapFrom.startsAt)}–${chinaTime(swapFrom.endsAt)}`,
            })}
            action={<Button onClick={() => setSwapFrom(null)}>{t('legalConsult.duty.cancelSwap')}</Button>}
          />
        )}
        {canManage && providers.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            className="uh-block-alert"
            title={t('legalConsult.duty.noProviders')}
          />
        ) : null}
        <Typography.Paragraph type="secondary">{t('legalConsult.duty.dragHint')}</Typography.Paragraph>
        {week ? (
          <DutyGrid
            weekStart={week.weekStart}
            slots={week.slots}
            gaps={week.gaps}
            selectedSlotId={swapFrom?.id ?? null}
            onSelectRange={onSelectRange}
            onSlotClick={(s) => void onSlotClick(s)}
          />
        ) : (
          !error && <Skeleton active paragraph={{ rows: 12 }} />
        )}
      </Card>
      {week && orgId && (
        <SlotModal
          open={editing !== null}
          weekStart={week.weekStart}
          slot={editing?.slot ?? null}
          draft={editing?.draft ?? null}
          providers={providers}
          onClose={() => setEditing(null)}
          onSave={async (v) => {
            if (editing?.slot) await updateSlot(editing.slot.id, v);
            else await createSlot({ orgId, ...v });
            void message.success(t('legalConsult.duty.saved'));
            setEditing(null);
            load();
          }}
          onDelete={async () => {
            if (!editing?.slot) return;
            await deleteSlot(editing.slot.id);
            void message.success(t('legalConsult.duty.deleted'));
            setEditing(null);
            load();
          }}
          onSwap={() => {
            setSwapFrom(editing?.slot ?? null);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
