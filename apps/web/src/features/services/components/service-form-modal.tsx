import type {
  AttachmentRequirement,
  FormField,
  Service,
  ServiceCategory,
  ServiceHandler,
} from '@unionhub/contracts';
import {
  checkFormDefinition,
  MemberCategories,
  ServiceCategories,
  ServiceHandlers,
} from '@unionhub/contracts';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { createService, updateService } from '../api';
import { DocumentsEditor, FormDesigner } from './form-designer';

interface Values {
  name: string;
  category: ServiceCategory;
  summary: string;
  description?: string;
  categories?: string[];
  note?: string;
  fields: FormField[];
  attachments: AttachmentRequirement[];
  acceptWithinDays: number;
  completeWithinDays: number;
  handler: ServiceHandler;
}

/** Create or edit a service item; `overrides` starts a lower union's replacement of a service above. */
export function ServiceFormModal({
  service,
  overrides,
  onClose,
  onSaved,
}: {
  service: Service | null;
  overrides: Service | null;
  onClose: () => void;
  onSaved: (s: Service) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const source = service ?? overrides;

  const finish = async (v: Values) => {
    const problems = checkFormDefinition({ fields: v.fields });
    const unnamed = v.fields.some((f) => !f.label.trim()) || v.attachments.some((d) => !d.label.trim());
    if (problems.length || unnamed) {
      setProblem(unnamed ? t('services.unnamed') : problems.map((p) => p.message).join('；'));
      return;
    }
    setProblem(null);
    const body = {
      name: v.name.trim(),
      category: v.category,
      summary: v.summary.trim(),
      description: v.description ?? '',
      eligibility: {
        ...(v.categories?.length ? { categories: v.categories as never } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      form: { fields: v.fields.map((f) => ({ ...f, label: f.label.trim() })) },
      attachments: v.attachments,
      acceptWithinDays: v.acceptWithinDays,
      completeWithinDays: v.completeWithinDays,
      handler: v.handler,
    };
    setSaving(true);
    setError(null);
    try {
      const saved = service
        ? await updateService(service.id, body)
        : await createService({
            ...body,
            orgId: me.org!.id,
            ...(overrides ? { overridesServiceId: overrides.id } : {}),
          });
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={960}
      title={
        overrides
          ? t('services.overrideTitle', { name: overrides.name })
          : service
            ? service.name
            : t('services.add')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="service-form"
        layout="vertical"
        onFinish={finish}
        initialValues={{
          name: source?.name,
          category: source?.category ?? 'assistance',
          summary: source?.summary,
          description: source?.description,
          categories: source?.eligibility.categories ?? [],
          note: source?.eligibility.note,
          fields: source?.form.fields ?? [],
          attachments: source?.attachments ?? [],
          acceptWithinDays: source?.acceptWithinDays ?? 3,
          completeWithinDays: source?.completeWithinDays ?? 15,
          handler: source?.handler ?? 'county',
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('services.name')} rules={[{ required: true, min: 2, max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="category" label={t('services.category')} rules={[{ required: true }]}>
              <Select
                options={ServiceCategories.map((c) => ({ value: c, label: t(`hall.categories.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="handler" label={t('services.handler')} rules={[{ required: true }]}>
              <Select
                options={ServiceHandlers.map((h) => ({ value: h, label: t(`services.handlers.${h}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          label={t('services.summary')}
          rules={[{ required: true, min: 2, max: 120 }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="description" label={t('services.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="categories" label={t('services.eligibilityCategories')}>
              <Select
                mode="multiple"
                placeholder={t('services.eligibilityAll')}
                options={MemberCategories.map((c) => ({ value: c, label: t(`members.categoryNames.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label={t('services.eligibilityNote')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="acceptWithinDays"
              label={t('services.acceptWithinDays')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="completeWithinDays"
              label={t('services.completeWithinDays')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fields" label={t('services.form')}>
          <FormDesigner />
        </Form.Item>
        <Form.Item name="attachments" label={t('services.documents')}>
          <DocumentsEditor />
        </Form.Item>
        {problem ? <Alert type="error" showIcon title={problem} className="uh-block-alert" /> : null}
        {error ? <ErrorAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}
