import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment, Inspection } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { addFollowUp, downloadInspectionFile, getInspection } from '../api';

const RESULT_COLORS = { compliant: 'green', non_compliant: 'red', not_applicable: 'default' } as const;

/** One inspection: the checklist as judged, findings, files, follow-ups and the form to add one. */
export function InspectionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const me = useMe();
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ followedOn: Dayjs; rectifiedItems: string[]; note: string }>();
  const s = (k: string) => t(`legal.supervision.${k}`);

  const load = useCallback(() => {
    getInspection(id).then(setInspection, setError);
  }, [id]);
  useEffect(load, [load]);

  const open = async (file: Attachment) => {
    try {
      const downloaded = await downloadInspectionFile(id, file.id);
      window.open(URL.createObjectURL(downloaded.blob), '_blank');
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const files = (list: Attachment[]) =>
    list.length ? (
      <Space wrap>
        {list.map((f) => (
          <Button
            key={f.id}
            size="small"
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() => void open(f)}
          >
            {f.filename}
          </Button>
        ))}
      </Space>
    ) : null;

  if (error) return <ErrorAlert error={error} />;
  if (!inspection) return null;
  const outstanding = inspection.checklist.filter((i) => i.result === 'non_compliant' && !i.rectifiedOn);
  const labelOf = (key: string) => inspection.checklist.find((i) => i.key === key)?.label ?? key;

  return (
    <div className="uh-page">
      <Link to="/admin/legal/supervision">
        <ArrowLeftOutlined /> {s('back')}
      </Link>
      <Card
        style={{ marginTop: 12 }}
        title={
          <Space>
            {inspection.enterprise.name}
            <Tag color={inspection.status === 'closed' ? 'green' : 'orange'}>
              {t(`legal.supervision.statuses.${inspection.status}`)}
            </Tag>
            {inspection.overdue && <Tag color="red">{s('overdue')}</Tag>}
          </Space>
        }
        extra={
          <Link to={`/admin/legal/supervision?enterpriseId=${inspection.enterprise.id}`}>{s('history')}</Link>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={s('org')}>{inspection.org.name}</Descriptions.Item>
          <Descriptions.Item label={s('inspectedOn')}>{inspection.inspectedOn}</Descriptions.Item>
          <Descriptions.Item label={s('inspectorsLabel')}>
            {inspection.inspectors.join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={s('rectificationDueOn')}>
            {inspection.rectificationDueOn ?? t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={s('createdBy')}>{inspection.createdByName}</Descriptions.Item>
          <Descriptions.Item label={t('legal.supervision.columns.enterprise')}>
            {inspection.enterprise.creditCode}
          </Descriptions.Item>
          {inspection.findings && (
            <Descriptions.Item label={s('findings')} span={2}>
              {inspection.findings}
            </Descriptions.Item>
          )}
          {inspection.attachments.length > 0 && (
            <Descriptions.Item label={s('files')} span={2}>
              {files(inspection.attachments)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={s('checklist')} style={{ marginTop: 16 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={inspection.checklist}
          columns={[
            { title: s('checklist'), dataIndex: 'label', width: 220 },
            {
              title: '',
              key: 'result',
              width: 200,
              render: (_, i) => (
                <Space size={4}>
                  <Tag color={RESULT_COLORS[i.result]}>{s(`results.${i.result}`)}</Tag>
                  {i.rectifiedOn && (
                    <Tag color="green">{t('legal.supervision.rectifiedOn', { date: i.rectifiedOn })}</Tag>
                  )}
                </Space>
              ),
            },
            { title: s('itemNote'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ]}
        />
      </Card>
      <Card title={s('followUps')} style={{ marginTop: 16 }}>
        {inspection.followUps.length === 0 ? (
          <Typography.Paragraph type="secondary">{s('noFollowUps')}</Typography.Paragraph>
        ) : (
          <Timeline
            items={inspection.followUps.map((f) => ({
              color: f.closed ? 'green' : 'blue',
              content: (
                <>
                  <Typography.Text strong>
                    {f.followedOn} · {f.actorName}
                  </Typography.Text>
                  {f.closed && (
                    <Tag color="green" style={{ marginLeft: 8 }}>
                      {s('closedByThis')}
                    </Tag>
                  )}
                  <div>{f.note}</div>
                  {f.rectifiedItems.length > 0 && (
                    <Typography.Text type="secondary">
                      {s('rectifiedItems')}：{f.rectifiedItems.map(labelOf).join('、')}
                    </Typography.Text>
                  )}
                  {files(f.attachments)}
                </>
              ),
            }))}
          />
        )}
        {inspection.status === 'closed' ? (
          inspection.nonCompliant > 0 && <Alert type="success" showIcon message={s('closedNote')} />
        ) : me.permissions.includes('legal.manage') ? (
          <Form
            form={form}
            name="follow-up-form"
            layout="vertical"
            initialValues={{ followedOn: dayjs(), rectifiedItems: [] }}
            onFinish={async (v) => {
              setSaving(true);
              try {
                const saved = await addFollowUp(id, {
                  followedOn: v.followedOn.format('YYYY-MM-DD'),
                  rectifiedItems: v.rectifiedItems ?? [],
                  note: v.note.trim(),
                });
                setInspection(saved);
                form.resetFields();
                void message.success(s('followUpSaved'));
              } catch (err) {
                if (err instanceof ApiError && err.details.length)
                  form.setFields(
                    err.details.map((d) => ({
                      name: d.path.replace(/^body\./, '').split('.')[0] as 'note',
                      errors: [d.message.replace(/ \[[^\]]+\]$/, '')],
                    })),
                  );
                void message.error(describeError(err, t).message);
              } finally {
                setSaving(false);
              }
            }}
          >
            <Typography.Title level={5}>{s('addFollowUp')}</Typography.Title>
            <Form.Item name="followedOn" label={s('followedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="rectifiedItems" label={s('rectifiedItems')}>
              <Checkbox.Group options={outstanding.map((i) => ({ value: i.key, label: i.label }))} />
            </Form.Item>
            <Form.Item
              name="note"
              label={s('followUpNote')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('legal.supervision.required', { field: s('followUpNote') }),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} placeholder={s('followUpNotePlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {s('addFollowUp')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
