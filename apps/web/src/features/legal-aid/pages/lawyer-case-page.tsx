import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  type LegalAidCase,
  type LegalAidOutcome,
  LegalAidOutcomes,
  type LegalAidStepKind,
  LegalAidStepKinds,
} from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { addStep, getLawyerCase, recordOutcome } from '../api';
import { CaseView } from '../components/case-view';

const show = (v: unknown) => (typeof v === 'boolean' ? (v ? '是' : '否') : String(v ?? ''));
const fen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/** One legal-aid case of the lawyer: the application, the case, and forms to record steps and the outcome. */
export function LawyerCasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [value, setValue] = useState<LegalAidCase | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stepForm] = Form.useForm();
  const [outcomeForm] = Form.useForm();
  const load = useCallback(() => getLawyerCase(id).then(setValue, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<LegalAidCase>, done: string) => {
    setBusy(true);
    try {
      setValue(await work());
      void message.success(done);
      return true;
    } catch (err) {
      void message.error(describeError(err, t).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!value) return <Skeleton active paragraph={{ rows: 8 }} />;
  const can = (a: string) => value.allowedActions.includes(a);
  return (
    <div className="uh-page">
      <Link to="/admin/legal/workspace/aid">
        <ArrowLeftOutlined /> {t('legalAid.cases')}
      </Link>
      <Typography.Title level={4} className="uh-page-title">
        {t('legalAid.panel')} <Typography.Text type="secondary">#{value.requestId}</Typography.Text>
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('legalAid.form')} className="uh-block-card">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('legalAid.member')}>{value.memberName}</Descriptions.Item>
              <Descriptions.Item label={t('legalAid.union')}>{value.orgName}</Descriptions.Item>
              {Object.entries(value.data).map(([k, v]) => (
                <Descriptions.Item key={k} label={value.labels[k] ?? k}>
                  <span className="uh-prewrap">{show(v)}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <Card title={t('legalAid.section')} className="uh-block-card">
            <CaseView value={value} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {can('step') && (
            <Card title={t('legalAid.addStep')} className="uh-block-card">
              <Form
                form={stepForm}
                layout="vertical"
                initialValues={{ kind: 'mediation' }}
                onFinish={async (v: {
                  kind: LegalAidStepKind;
                  date: Dayjs;
                  note: string;
                  result?: string;
                }) => {
                  const ok = await run(
                    () =>
                      addStep(id, {
                        kind: v.kind,
                        date: v.date.format('YYYY-MM-DD'),
                        note: v.note,
                        ...(v.result?.trim() ? { result: v.result.trim() } : {}),
                      }),
                    t('legalAid.stepSaved'),
                  );
                  if (ok) stepForm.resetFields();
                }}
              >
                <Form.Item name="kind" label={t('legalAid.kind')} rules={[{ required: true }]}>
                  <Select
                    data-testid="step-kind"
                    options={LegalAidStepKinds.map((k) => ({ value: k, label: t(`legalAid.kinds.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="date"
                  label={t('legalAid.date')}
                  rules={[{ required: true, message: t('legalAid.required', { what: t('legalAid.date') }) }]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="step-date" />
                </Form.Item>
                <Form.Item
                  name="note"
                  label={t('legalAid.note')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('legalAid.required', { what: t('legalAid.note') }),
                    },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={2000} data-testid="step-note" />
                </Form.Item>
                <Form.Item name="result" label={t('legalAid.result')}>
                  <Input.TextArea rows={2} maxLength={1000} data-testid="step-result" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="save-step">
                  {t('legalAid.saveStep')}
                </Button>
              </Form>
            </Card>
          )}
          {can('outcome') && (
            <Card title={t('legalAid.recordOutcome')} className="uh-block-card">
              <Form
                form={outcomeForm}
                layout="vertical"
                onFinish={(v: {
                  outcome: LegalAidOutcome;
                  claimed?: number;
                  recovered: number;
                  note?: string;
                }) =>
                  run(
                    () =>
                      recordOutcome(id, {
                        outcome: v.outcome,
                        ...(v.claimed !== undefined && v.claimed !== null
                          ? { amountClaimedFen: fen(v.claimed) }
                          : {}),
                        amountRecoveredFen: fen(v.recovered),
                        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                      }),
                    t('legalAid.outcomeSaved'),
                  )
                }
              >
                <Form.Item
                  name="outcome"
                  label={t('legalAid.outcome')}
                  rules={[
                    { required: true, message: t('legalAid.required', { what: t('legalAid.outcome') }) },
                  ]}
                >
                  <Select
                    data-testid="outcome-select"
                    options={LegalAidOutcomes.map((o) => ({ value: o, label: t(`legalAid.outcomes.${o}`) }))}
                  />
                </Form.Item>
                <Form.Item name="claimed" label={t('legalAid.amountClaimed')}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="amount-claimed" />
                </Form.Item>
                <Form.Item
                  name="recovered"
                  label={t('legalAid.amountRecovered')}
                  rules={[
                    {
                      required: true,
                      message: t('legalAid.required', { what: t('legalAid.amountRecovered') }),
                    },
                  ]}
                >
                  <InputNumber
                    min={0}
                    precision={2}
                    style={{ width: '100%' }}
                    data-testid="amount-recovered"
                  />
                </Form.Item>
                <Form.Item name="note" label={t('legalAid.outcomeNote')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="save-outcome">
                  {t('legalAid.saveOutcome')}
                </Button>
              </Form>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
