import { MinusCircleOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { HardshipCauses, HardshipTiers, type TierRule } from '@unionhub/contracts';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { getTierRules, putTierRules, yuan } from '../api';

interface RuleRow {
  tier: TierRule['tier'];
  maxIncomeYuan: number;
  causes: TierRule['causes'];
}

/** 困难认定标准: the tier rules per region prefix, edited by province and city federations. */
export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [data, setData] = useState<Awaited<ReturnType<typeof getTierRules>> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ regionPrefix: string; rules: RuleRow[] }>();
  const canEdit =
    me.permissions.includes('assistance.manage') &&
    (me.org?.level === 'province' || me.org?.level === 'city');

  const load = useCallback(() => {
    getTierRules().then((d) => {
      setData(d);
      const own = d.items.at(-1)?.rules ?? d.defaults;
      form.setFieldsValue({
        rules: own.map((r) => ({
          tier: r.tier,
          maxIncomeYuan: r.maxIncomePerPersonFen / 100,
          causes: r.causes,
        })),
      });
    }, setError);
  }, [form]);
  useEffect(load, [load]);

  const save = async (v: { regionPrefix: string; rules: RuleRow[] }) => {
    try {
      setData(
        await putTierRules({
          regionPrefix: v.regionPrefix.trim(),
          rules: v.rules.map((r) => ({
            tier: r.tier,
            maxIncomePerPersonFen: Math.round(r.maxIncomeYuan * 100),
            causes: r.causes ?? [],
          })),
        }).then(() => getTierRules()),
      );
      void message.success(t('assistance.saved'));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const describe = (rules: TierRule[]) =>
    rules
      .map(
        (r) =>
          `${t(`assistance.tiers.${r.tier}`)} ≤ ${yuan(r.maxIncomePerPersonFen)} 元${r.causes.length ? `（${r.causes.map((c) => t(`assistance.causes.${c}`)).join('、')}）` : ''}`,
      )
      .join('；');

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <SafetyOutlined /> {t('assistance.rulesTitle')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('assistance.rulesHint')} className="uh-block-alert" />
      {error ? <ErrorAlert error={error} /> : null}
      <Card>
        <Table
          rowKey="regionPrefix"
          size="small"
          pagination={false}
          dataSource={[
            ...(data?.items ?? []),
            ...(data
              ? [{ regionPrefix: t('assistance.defaults'), rules: data.defaults, updatedAt: null }]
              : []),
          ]}
          columns={[
            { title: t('assistance.regionPrefix'), dataIndex: 'regionPrefix', width: 140 },
            { title: t('assistance.rulesTitle'), dataIndex: 'rules', render: (r: TierRule[]) => describe(r) },
          ]}
        />
      </Card>
      {canEdit ? (
        <Card style={{ marginTop: 16 }}>
          <Form
            form={form}
            layout="vertical"
            name="tier-rules"
            onFinish={(v) => void save(v)}
            initialValues={{ regionPrefix: me.org?.level === 'province' ? '41' : '4101' }}
          >
            <Form.Item
              name="regionPrefix"
              label={t('assistance.regionPrefix')}
              rules={[{ required: true, pattern: /^[1-8][0-9]([0-9]{2})?$/ }]}
            >
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.List name="rules">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'tier']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 170 }}
                          options={HardshipTiers.map((x) => ({
                            value: x,
                            label: t(`assistance.tiers.${x}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'maxIncomeYuan']} rules={[{ required: true }]}>
                        <InputNumber
                          min={0}
                          precision={2}
                          addonBefore={t('assistance.maxIncome')}
                          style={{ width: 300 }}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'causes']}>
                        <Select
                          mode="multiple"
                          placeholder={t('assistance.anyCause')}
                          style={{ minWidth: 220 }}
                          options={HardshipCauses.map((c) => ({
                            value: c,
                            label: t(`assistance.causes.${c}`),
                          }))}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Form.Item>
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ tier: 'relative', maxIncomeYuan: 800, causes: [] })}
                    >
                      {t('assistance.addRule')}
                    </Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
