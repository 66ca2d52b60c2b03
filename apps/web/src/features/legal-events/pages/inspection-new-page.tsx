import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import type { ChecklistResult, CreateInspectionBody } from '@unionhub/contracts';
import { ChecklistResults, DefaultInspectionChecklist } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { describeError, fieldLabel } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { createInspection, uploadAttachment } from '../api';
import { EnterpriseSelect } from '../components/enterprise-select';

interface Item {
  key: string;
  label: string;
  result: ChecklistResult;
  note: string;
}

interface Values {
  orgId?: number;
  enterpriseId?: number;
  inspectedOn: Dayjs;
  inspectors: string[];
  findings?: string;
  rectificationDueOn?: Dayjs;
}

/** Records an inspection: the enterprise, who inspected, the checklist item by item, the deadline. */
export function InspectionNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [items, setItems] = useState<Item[]>(() =>
    DefaultInspectionChecklist.map((i) => ({ key: i.key, label: i.label, result: 'compliant', note: '' })),
  );
  const [files, setFiles] = useState<{ id: number; filename: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const anyNonCompliant = items.some((i) => i.result === 'non_compliant');
  const s = (k: string) => t(`legal.supervision.${k}`);
  const need = (label: string) => [
    { required: true, message: t('legal.supervision.required', { field: label }) },
  ];

  const setItem = (key: string, change: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const save = async (v: Values) => {
    const body: CreateInspectionBody = {
      orgId: v.orgId ?? me.org!.id,
      enterpriseId: v.enterpriseId!,
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      inspectors: v.inspectors,
      checklist: items.map((i) => ({
        key: i.key,
        label: i.label,
        result: i.result,
        ...(i.note.trim() ? { note: i.note.trim() } : {}),
      })),
      ...(v.findings?.trim() ? { findings: v.findings.trim() } : {}),
      ...(anyNonCompliant && v.rectificationDueOn
        ? { rectificationDueOn: v.rectificationDueOn.format('YYYY-MM-DD') }
        : {}),
      ...(files.length ? { attachments: files.map((f) => ({ id: f.id })) } : {}),
    };
    setSaving(true);
    setItemErrors({});
    try {
      const saved = await createInspection(body);
      void message.success(s('saved'));
      navigate(`/admin/legal/supervision/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const onForm = err.details.filter((d) => !d.path.startsWith('body.checklist'));
        form.setFields(
          onForm.map((d) => ({
            name: d.path.replace(/^body\./, '').split('.')[0] as keyof Values,
            errors: [d.message.replace(/ \[[^\]]+\]$/, '')],
          })),
        );
        setItemErrors(
          Object.fromEntries(
            err.details
              .filter((d) => d.path.startsWith('body.checklist'))
              .map((d) => [items[Number(d.path.split('.')[2])]?.key ?? '', d.message]),
          ),
        );
        void message.error(err.details.map((d) => fieldLabel(d.path, t)).join('、'));
      } else void message.error(describeError(err, t).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="uh-page">
      <Link to="/admin/legal/supervision">
        <ArrowLeftOutlined /> {s('back')}
      </Link>
      <Typography.Title level={4} className="uh-page-title" style={{ marginTop: 12 }}>
        {s('newTitle')}
      </Typography.Title>
      <Form<Values>
        form={form}
        name="inspection-form"
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          inspectedOn: dayjs(),
          inspectors: [],
          enterpriseId: Number(params.get('enterpriseId')) || undefined,
        }}
      >
        <Card>
          <Space wrap size="large" align="start">
            <Form.Item
              name="enterpriseId"
              label={s('enterprise')}
              rules={need(s('enterprise'))}
              style={{ width: 420 }}
            >
              <EnterpriseSelect placeholder={s('enterprisePlaceholder')} />
            </Form.Item>
            <Form.Item name="orgId" label={s('org')} style={{ width: 280 }}>
              <OrgSearchSelect allowClear placeholder={me.org?.name ?? ''} />
            </Form.Item>
            <Form.Item name="inspectedOn" label={s('inspectedOn')} rules={need(s('inspectedOn'))}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="inspectors" label={s('inspectors')} rules={need(s('inspectors'))}>
            <Select
              mode="tags"
              open={false}
              placeholder={s('inspectorsPlaceholder')}
              tokenSeparators={[',', '，', '、']}
            />
          </Form.Item>
        </Card>
        <Card title={s('checklist')} style={{ marginTop: 16 }}>
          <Table<Item>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              { title: s('checklist'), dataIndex: 'label', width: 200 },
              {
                title: '',
                key: 'result',
                width: 260,
                render: (_, i) => (
                  <Radio.Group
                    aria-label={i.label}
                    value={i.result}
                    onChange={(e) => setItem(i.key, { result: e.target.value as ChecklistResult })}
                    options={ChecklistResults.map((r) => ({ value: r, label: s(`results.${r}`) }))}
                  />
                ),
              },
              {
                title: s('itemNote'),
                key: 'note',
                render: (_, i) => (
                  <>
                    <Input
                      aria-label={`${i.label} ${s('itemNote')}`}
                      value={i.note}
                      maxLength={1000}
                      status={i.result === 'non_compliant' && !i.note.trim() ? 'warning' : ''}
                      placeholder={i.result === 'non_compliant' ? s('itemNotePlaceholder') : ''}
                      onChange={(e) => setItem(i.key, { note: e.target.value })}
                    />
                    {itemErrors[i.key] && (
                      <Typography.Text type="danger">{itemErrors[i.key]}</Typography.Text>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Card>
        <Card style={{ marginTop: 16 }}>
          <Form.Item name="findings" label={s('findings')}>
            <Input.TextArea rows={4} maxLength={5000} placeholder={s('findingsPlaceholder')} />
          </Form.Item>
          {anyNonCompliant && (
            <Form.Item
              name="rectificationDueOn"
              label={s('rectificationDueOn')}
              extra={s('rectificationHint')}
              rules={need(s('rectificationDueOn'))}
            >
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item label={s('files')}>
            <Upload
              multiple
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const saved = await uploadAttachment(file as File);
                  setFiles((list) => [...list, { id: saved.id, filename: saved.filename }]);
                  onSuccess?.(saved);
                } catch (err) {
                  void message.error(describeError(err, t).message);
                  onError?.(err as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>{s('upload')}</Button>
            </Upload>
            <ul>
              {files.map((f) => (
                <li key={f.id}>{f.filename}</li>
              ))}
            </ul>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {s('save')}
          </Button>
        </Card>
      </Form>
    </div>
  );
}
