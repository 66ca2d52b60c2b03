import {
  checkCreditCode,
  type Enterprise,
  type EnterpriseSize,
  EnterpriseSizes,
  normalizeCreditCode,
} from '@unionhub/contracts';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { IndustrySelect } from '../../reference/components/industry-select';
import { RegionPicker } from '../../reference/components/region-picker';
import { createEnterprise } from '../api';

interface FormValues {
  creditCode: string;
  name: string;
  regionCode: string;
  industryCode: string;
  orgId: number;
  size?: EnterpriseSize;
  employeeCount?: number;
  address?: string;
}

export function EnterpriseFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
    }
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(
        await createEnterprise({
          creditCode: normalizeCreditCode(v.creditCode),
          name: v.name.trim(),
          regionCode: v.regionCode,
          industryCode: v.industryCode,
          orgId: v.orgId,
          ...(v.size ? { size: v.size } : {}),
          ...(v.employeeCount != null ? { employeeCount: v.employeeCount } : {}),
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('enterprises.add')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        name="enterprise"
        layout="vertical"
        className="uh-form-grid"
        initialValues={{ regionCode: me.org?.regionCode ?? undefined }}
      >
        <Form.Item
          name="creditCode"
          label={t('enterprises.creditCode')}
          validateTrigger="onBlur"
          rules={[
            { required: true, message: t('enterprises.form.creditCodeRequired') },
            {
              validator: (_, value?: string) => {
                if (!value) return Promise.resolve();
                const broken = checkCreditCode(normalizeCreditCode(value));
                return broken
                  ? Promise.reject(
                      new Error(
                        t(`enterprises.creditRules.${broken.rule.replace('.', '_')}`, {
                          defaultValue: broken.message,
                        }),
                      ),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={22} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('enterprises.name')}
          rules={[
            { required: true, min: 2, max: 100, whitespace: true, message: t('enterprises.form.nameRule') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('enterprises.region')}
          rules={[{ required: true, message: t('enterprises.form.regionRequired') }]}
        >
          <RegionPicker rootCode={me.org?.regionCode ?? null} />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label={t('enterprises.industry')}
          rules={[{ required: true, message: t('enterprises.form.industryRequired') }]}
        >
          <IndustrySelect />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('enterprises.coveringUnion')}
          extra={t('enterprises.form.orgHint')}
          rules={[{ required: true, message: t('enterprises.form.orgRequired') }]}
          className="uh-form-wide"
        >
          <OrgSearchSelect />
        </Form.Item>
        <Form.Item name="size" label={t('enterprises.size')}>
          <Select
            allowClear
            options={EnterpriseSizes.map((s) => ({ value: s, label: t(`enterprises.sizes.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="employeeCount" label={t('enterprises.employees')}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')} className="uh-form-wide">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
