import { QuestionCircleOutlined } from '@ant-design/icons';
import type { ConsultationField, FaqEntry, FaqStatus } from '@unionhub/contracts';
import { ConsultationFields, FaqStatuses } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { listFaq, reviewFaq, updateFaq } from '../api';
import { chinaDateTime } from '../format';

interface Values {
  question: string;
  answer: string;
  field: ConsultationField;
}

/** 问答审核: answered questions members allowed to publish, pre-filled with personal details masked. */
export function FaqReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<FaqStatus>('pending');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: FaqEntry[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reviewing, setReviewing] = useState<FaqEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = useCallback(() => {
    setError(null);
    listFaq(status, page).then(setData, setError);
  }, [status, page]);
  useEffect(load, [load]);
  useEffect(() => {
    if (reviewing)
      form.setFieldsValue({ question: reviewing.question, answer: reviewing.answer, field: reviewing.field });
  }, [reviewing, form]);

  /** Saves the edits, then publishes or rejects; “save” alone keeps it in the queue. */
  const finish = async (decision: 'save' | 'publish' | 'reject') => {
    if (!reviewing) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await updateFaq(reviewing.id, { question: v.question.trim(), answer: v.answer.trim(), field: v.field });
      if (decision !== 'save') await reviewFaq(reviewing.id, decision);
      void message.success(
        t(
          decision === 'publish'
            ? 'legalConsult.faq.published'
            : decision === 'reject'
              ? 'legalConsult.faq.rejected'
              : 'legalConsult.faq.saved',
        ),
      );
      setReviewing(null);
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <QuestionCircleOutlined /> {t('legalConsult.faq.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={status}
          onChange={(k) => {
            setStatus(k as FaqStatus);
            setPage(1);
          }}
          items={FaqStatuses.map((s) => ({ key: s, label: t(`legalConsult.faq.tabs.${s}`) }))}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Table<FaqEntry>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('legalConsult.faq.empty')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: t('legalConsult.faq.question'),
              dataIndex: 'question',
              render: (q: string) => <Typography.Paragraph ellipsis={{ rows: 2 }}>{q}</Typography.Paragraph>,
            },
            {
              title: t('legalConsult.faq.field'),
              dataIndex: 'field',
              width: 110,
              render: (f: string) => <Tag>{t(`legalConsult.fields.${f}`)}</Tag>,
            },
            { title: t('legalConsult.faq.union'), dataIndex: 'orgName', width: 150 },
            {
              title: t('legalConsult.faq.createdAt'),
              dataIndex: 'createdAt',
              width: 130,
              render: (iso: string) => chinaDateTime(iso),
            },
            {
              title: '',
              key: 'review',
              width: 80,
              render: (_: unknown, r) => (
                <Button type="link" size="small" onClick={() => setReviewing(r)}>
                  {t('legalConsult.faq.review')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={reviewing !== null}
        title={t('legalConsult.faq.reviewTitle')}
        width={720}
        onCancel={() => setReviewing(null)}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => void finish('save')} loading={busy}>
              {t('legalConsult.faq.save')}
            </Button>
            {reviewing?.status === 'pending' && (
              <>
                <Button danger onClick={() => void finish('reject')} loading={busy}>
                  {t('legalConsult.faq.reject')}
                </Button>
                <Button type="primary" onClick={() => void finish('publish')} loading={busy}>
                  {t('legalConsult.faq.publish')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Alert type="info" showIcon className="uh-block-alert" title={t('legalConsult.faq.redactHint')} />
        {reviewing?.consultationId ? (
          <Typography.Paragraph type="secondary">
            {t('legalConsult.faq.source', { id: reviewing.consultationId })}
          </Typography.Paragraph>
        ) : null}
        <Form<Values> form={form} layout="vertical" name="faq-review">
          <Form.Item name="field" label={t('legalConsult.faq.field')} rules={[{ required: true }]}>
            <Select
              options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="question"
            label={t('legalConsult.faq.question')}
            rules={[{ required: true, min: 5 }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="answer" label={t('legalConsult.faq.answer')} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea rows={8} maxLength={4000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
