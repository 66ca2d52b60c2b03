import { AuditOutlined } from '@ant-design/icons';
import { type KindConfig, type OrgLevel, type ReviewLevel, ReviewLevels } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { listConfigs, resetConfig, yuan } from '../api';
import { ConfigFormModal } from '../components/config-form-modal';

type Values = Omit<KindConfig, 'kind' | 'inherited'>;

/** The review levels a union may name: its own level and those below; none below a county. */
function levelsFor(level: OrgLevel): readonly ReviewLevel[] {
  const top: Partial<Record<OrgLevel, ReviewLevel>> = {
    county: 'county',
    city: 'city',
    province: 'province',
    national: 'province',
  };
  const highest = top[level];
  return highest ? ReviewLevels.slice(0, ReviewLevels.indexOf(highest) + 1) : [];
}

/**
 * 审核与限额: per kind of assistance, the review path (levels and the amounts above which a level
 * reviews), the yearly limit per household, the days on public notice, who pays and the days per
 * level — what applies in a union, whose setting it is, and beside a union's own values those it
 * would otherwise inherit. County federations and above change their own; the rest read.
 */
export function ConfigsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [org, setOrg] = useState<{ id: number; name: string; level: OrgLevel } | null>(me.org ?? null);
  const [items, setItems] = useState<KindConfig[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<KindConfig | null>(null);
  const levels = org ? levelsFor(org.level) : [];
  const canEdit = me.permissions.includes('assistance.manage') && levels.length > 0;

  const load = useCallback(() => {
    if (!org) return;
    setError(null);
    listConfigs(org.id).then((r) => setItems(r.items), setError);
  }, [org]);
  useEffect(load, [load]);

  const path = (c: Values) =>
    c.levels
      .map(
        (l) =>
          `${t(`assistance.levels.${l.level}`)}${
            l.aboveFen === undefined ? '' : t('assistance.configs.aboveShort', { amount: yuan(l.aboveFen) })
          }`,
      )
      .join(' → ');
  const paying = (c: Values) =>
    c.payingLevel ? t(`assistance.levels.${c.payingLevel}`) : t('assistance.configs.lastReviewer');
  const notice = (c: Values) =>
    c.noticeDays ? t('assistance.configs.days', { n: c.noticeDays }) : t('assistance.configs.noNotice');
  const sourceText = (c: Values) => (c.source ? c.source.name : t('assistance.configs.builtIn'));

  /** A value, with what the union would inherit below it when its own differs. */
  const cell = (c: KindConfig, show: (v: Values) => ReactNode, text: (v: Values) => string) => (
    <>
      <div>{show(c)}</div>
      {c.inherited && text(c.inherited) !== text(c) ? (
        <Typography.Text type="secondary" className="uh-config-inherited">
          {t('assistance.configs.fromAbove', { value: text(c.inherited) })}
        </Typography.Text>
      ) : null}
    </>
  );

  const reset = async (c: KindConfig) => {
    try {
      setItems((await resetConfig(org!.id, c.kind)).items);
      void message.success(t('assistance.configs.resetDone', { source: sourceText(c.inherited!) }));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const actionsColumn: TableColumnType<KindConfig> = {
    key: 'actions',
    width: 140,
    render: (_, c) => (
      <Space size={0} orientation="vertical">
        <Button type="link" size="small" onClick={() => setEditing(c)}>
          {c.inherited ? t('assistance.configs.edit') : t('assistance.configs.setOwn')}
        </Button>
        {c.inherited ? (
          <Popconfirm
            title={t('assistance.configs.resetConfirm', { source: sourceText(c.inherited) })}
            onConfirm={() => reset(c)}
          >
            <Button type="link" size="small">
              {t('assistance.configs.reset')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    ),
  };

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <AuditOutlined /> {t('assistance.configs.title')}
      </Typography.Title>
      <Alert type="info" showIcon className="uh-block-alert" title={t('assistance.configs.hint')} />
      <Card
        title={org ? t('assistance.configs.cardTitle', { org: org.name }) : t('assistance.configs.title')}
        extra={
          <Space>
            {t('assistance.configs.viewUnion')}
            <OrgSearchSelect
              style={{ width: 280 }}
              placeholder={org?.name}
              onChange={(_, hit) => {
                if (hit) setOrg({ id: hit.id, name: hit.name, level: hit.level as OrgLevel });
              }}
            />
          </Space>
        }
      >
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        {!canEdit && org ? (
          <Typography.Paragraph type="secondary">{t('assistance.configs.readOnly')}</Typography.Paragraph>
        ) : null}
        <Table<KindConfig>
          rowKey="kind"
          pagination={false}
          loading={!items && !error}
          dataSource={items ?? []}
          columns={[
            {
              title: t('assistance.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: KindConfig['kind']) => <strong>{t(`assistance.kinds.${k}`)}</strong>,
            },
            {
              title: t('assistance.configs.levels'),
              key: 'levels',
              render: (_, c) => (
                <>
                  {cell(c, path, path)}
                  {cell(
                    c,
                    (v) => (
                      <Typography.Text type="secondary">
                        {t('assistance.configs.perLevel', { n: v.reviewDays })}
                      </Typography.Text>
                    ),
                    (v) => t('assistance.configs.perLevel', { n: v.reviewDays }),
                  )}
                </>
              ),
            },
            {
              title: t('assistance.configs.yearlyLimit'),
              key: 'limit',
              align: 'right',
              width: 140,
              className: 'uh-nowrap',
              render: (_, c) =>
                cell(
                  c,
                  (v) => `${yuan(v.yearlyLimitFen)} 元`,
                  (v) => `${yuan(v.yearlyLimitFen)} 元`,
                ),
            },
            {
              title: t('assistance.configs.noticeDays'),
              key: 'notice',
              width: 100,
              className: 'uh-nowrap',
              render: (_, c) => cell(c, notice, notice),
            },
            {
              title: t('assistance.configs.payingLevel'),
              key: 'paying',
              width: 130,
              className: 'uh-nowrap',
              render: (_, c) => cell(c, paying, paying),
            },
            {
              title: t('assistance.configs.source'),
              key: 'source',
              width: 150,
              render: (_, c) =>
                c.inherited ? (
                  <Tag color="blue">{t('assistance.configs.own')}</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Tag>
                      {c.source ? t('assistance.configs.inherited') : t('assistance.configs.builtIn')}
                    </Tag>
                    {c.source ? <Typography.Text type="secondary">{c.source.name}</Typography.Text> : null}
                  </Space>
                ),
            },
            ...(canEdit ? [actionsColumn] : []),
          ]}
        />
      </Card>

      {org ? (
        <ConfigFormModal
          org={org}
          config={editing}
          levels={levels}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setItems(saved);
            setEditing(null);
            void message.success(t('assistance.saved'));
          }}
        />
      ) : null}
    </div>
  );
}
