import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { KindConfig, ReviewLevel } from '@unionhub/contracts';
import { Alert, Button, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { describeError, detailText } from '../../../lib/errors';
import { putConfig } from '../api';

interface LevelRow {
  level?: ReviewLevel;
  aboveYuan?: number | null;
}
interface Values {
  levels: LevelRow[];
  yearlyLimitYuan: number;
  noticeDays: number;
  payingLevel: ReviewLevel | '';
  reviewDays: number;
}

/** `body.levels.1.aboveFen` → the form field it belongs to; null when the form has no such field. */
function fieldOf(path: string): (string | number)[] | null {
  const p = path.replace(/^body\./, '');
  const level = p.match(/^levels\.(\d+)\.(level|aboveFen)$/);
  if (level) return ['levels', Number(level[1]), level[2] === 'aboveFen' ? 'aboveYuan' : 'level'];
  if (p === 'yearlyLimitFen') return ['yearlyLimitYuan'];
  if (['noticeDays', 'payingLevel', 'reviewDays'].includes(p)) return [p];
  return null;
}

/**
 * 修改审核与限额: a union's configuration of one kind — review levels from grassroots up (a level
 * may review only amounts above a threshold), the yearly limit per household, the days on public
 * notice, the paying level and the days each level has. Problems the API finds land on their field.
 */
export function ConfigFormModal({
  org,
  config,
  levels,
  onClose,
  onSaved,
}: {
  org: { id: number; name: string };
  config: KindConfig | null;
  /** The review levels this union may name: its own and those below. */
  levels: readonly ReviewLevel[];
  onClose: () => void;
  onSaved: (items: KindConfig[]) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const chosen = Form.useWatch('levels', form) ?? [];
  const levelLabel = (l: ReviewLevel) => t(`assistance.levels.${l}`);
  /** Levels of an inherited path above this union: left out, and said so. */
  const dropped = config?.levels.filter((l) => !levels.includes(l.level)) ?? [];

  useEffect(() => {
    if (!config) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      levels: config.levels
        .filter((l) => levels.includes(l.level))
        .map((l) => ({
          level: l.level,
          aboveYuan: l.aboveFen === undefined ? null : l.aboveFen / 100,
        })),
      yearlyLimitYuan: config.yearlyLimitFen / 100,
      noticeDays: config.noticeDays,
      payingLevel: config.payingLevel && levels.includes(config.payingLevel) ? config.payingLevel : '',
      reviewDays: config.reviewDays,
    });
  }, [config, form, levels]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !config) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await putConfig({
        orgId: org.id,
        kind: config.kind,
        levels: v.levels.map((l, i) => ({
          level: l.level!,
          ...(i > 0 && typeof l.aboveYuan === 'number' ? { aboveFen: Math.round(l.aboveYuan * 100) } : {}),
        })),
        yearlyLimitFen: Math.round(v.yearlyLimitYuan * 100),
        noticeDays: v.noticeDays,
        payingLevel: v.payingLevel || null,
        reviewDays: v.reviewDays,
      });
      onSaved(saved.items);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const onFields = err.details.flatMap((d) => {
          const name = fieldOf(d.path);
          return name ? [{ name, errors: [detailText(d.message, t)] }] : [];
        });
        form.setFields(onFields as never);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={config !== null}
      title={config ? `${t('assistance.configs.edit')} · ${t(`assistance.kinds.${config.kind}`)}` : ''}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('assistance.configs.appliesTo', { org: org.name })}
      </Typography.Paragraph>
      {dropped.length ? (
        <Alert
          type="warning"
          showIcon
          className="uh-block-alert"
          title={t('assistance.configs.levelsDropped', {
            levels: dropped.map((l) => levelLabel(l.level)).join('、'),
          })}
        />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          className="uh-block-alert"
          role="alert"
          title={
            error instanceof ApiError && error.code === 'VALIDATION_FAILED'
              ? t('assistance.configs.fixFields')
              : describeError(error, t).message
          }
          description={
            error instanceof ApiError
              ? error.details
                  .filter((d) => !fieldOf(d.path))
                  .map((d) => detailText(d.message, t))
                  .join('；') || undefined
              : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" name="assistance-config">
        <Form.Item label={t('assistance.configs.levels')} required>
          <Form.List
            name="levels"
            rules={[
              {
                validator: async (_, rows?: LevelRow[]) => {
                  if (!rows?.length) throw new Error(t('assistance.configs.needLevel'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Typography.Text type="secondary" style={{ width: 48, display: 'inline-block' }}>
                      {t('assistance.configs.step', { n: i + 1 })}
                    </Typography.Text>
                    <Form.Item
                      name={[f.name, 'level']}
                      rules={[{ required: true, message: t('assistance.configs.chooseLevel') }]}
                    >
                      <Select
                        style={{ width: 170 }}
                        placeholder={t('assistance.configs.chooseLevel')}
                        options={levels.map((l) => ({ value: l, label: levelLabel(l) }))}
                      />
                    </Form.Item>
                    {i === 0 ? (
                      <Typography.Text type="secondary">
                        {t('assistance.configs.everyAmount')}
                      </Typography.Text>
                    ) : (
                      <Form.Item name={[f.name, 'aboveYuan']}>
                        <InputNumber
                          min={0}
                          max={1_000_000}
                          precision={2}
                          style={{ width: 260 }}
                          addonBefore={t('assistance.configs.above')}
                          addonAfter={t('assistance.configs.aboveAfter')}
                          placeholder={t('assistance.configs.anyAmount')}
                        />
                      </Form.Item>
                    )}
                    {fields.length > 1 ? (
                      <MinusCircleOutlined
                        aria-label={t('assistance.configs.removeLevel')}
                        onClick={() => remove(f.name)}
                      />
                    ) : null}
                  </Space>
                ))}
                {fields.length < levels.length ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ aboveYuan: null })}>
                    {t('assistance.configs.addLevel')}
                  </Button>
                ) : null}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
        <div className="uh-form-grid">
          <Form.Item
            name="yearlyLimitYuan"
            label={t('assistance.configs.yearlyLimit')}
            rules={[{ required: true, message: t('assistance.configs.needLimit') }]}
          >
            <InputNumber min={0.01} max={1_000_000} precision={2} addonAfter="元" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="noticeDays"
            label={t('assistance.configs.noticeDays')}
            extra={t('assistance.configs.noticeHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={30} precision={0} addonAfter="天" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="payingLevel" label={t('assistance.configs.payingLevel')}>
            <Select
              options={[
                { value: '', label: t('assistance.configs.lastReviewerPays') },
                ...chosen
                  .map((l) => l?.level)
                  .filter((l): l is ReviewLevel => !!l)
                  .map((l) => ({ value: l, label: levelLabel(l) })),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reviewDays"
            label={t('assistance.configs.reviewDays')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={1}
              max={30}
              precision={0}
              addonAfter={t('assistance.configs.workingDays')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
