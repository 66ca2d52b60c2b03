import type {
  ConsultationField,
  CreateProviderBody,
  LegalProvider,
  UpdateProviderBody,
} from '@unionhub/contracts';
import { ConsultationFields, LICENCE_NO_PATTERN, ProviderKinds } from '@unionhub/contracts';
import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { RegionPicker } from '../../reference/components/region-picker';
import { createProvider, updateProvider } from '../api';

interface Values {
  orgId?: number;
  kind: 'lawyer' | 'volunteer';
  name: string;
  firm?: string;
  licenceNo?: string;
  fields: ConsultationField[];
  regionCode: string;
  languages: string[];
  phone?: string;
  status?: 'active' | 'inactive';
  withAccount?: boolean;
  username?: string;
  password?: string;
}

/** 新增/编辑 a lawyer or volunteer; a new one may get their workspace sign-in at once. */
export function ProviderModal({
  provider,
  open,
  onClose,
  onSaved,
}: {
  provider: LegalProvider | null;
  open: boolean;
  onClose: () => void;
  onSaved: (p: LegalProvider) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const withAccount = Form.useWatch('withAccount', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    form.setFieldsValue(
      provider
        ? {
            orgId: provider.org.id,
            kind: provider.kind,
            name: provider.name,
            firm: provider.firm ?? '',
            licenceNo: provider.licenceNo ?? '',
            fields: provider.fields,
            regionCode: provider.regionCode,
            languages: provider.languages,
            status: provider.status,
          }
        : {
            kind: 'lawyer',
            fields: [],
            languages: ['普通话'],
            regionCode: me.org?.regionCode ?? '',
            withAccount: true,
          },
    );
  }, [open, provider, form, me.org]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const common = {
        name: v.name.trim(),
        ...(v.firm?.trim() ? { firm: v.firm.trim() } : {}),
        ...(v.licenceNo?.trim() ? { licenceNo: v.licenceNo.trim() } : {}),
        fields: v.fields,
        regionCode: v.regionCode,
        languages: v.languages,
      };
      let saved: LegalProvider;
      if (provider) {
        const body: UpdateProviderBody = {
          ...common,
          ...(v.firm !== undefined && !v.firm.trim() ? { firm: '' } : {}),
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.status ? { status: v.status } : {}),
        };
        saved = await updateProvider(provider.id, body);
      } else {
        const body: CreateProviderBody = {
          orgId: v.orgId ?? me.org?.id ?? 0,
          kind: v.kind,
          ...common,
          phone: v.phone ?? '',
          ...(v.withAccount && v.username && v.password
            ? { account: { username: v.username.trim(), password: v.password } }
            : {}),
        };
        saved = await createProvider(body);
      }
      void message.success(t('legalConsult.providers.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={provider ? t('legalConsult.providers.edit') : t('legalConsult.providers.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      width={640}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values> form={form} layout="vertical" name="provider" onFinish={save}>
        {!provider && (
          <Form.Item name="orgId" label={t('legalConsult.providers.union')}>
            <OrgSearchSelect placeholder={me.org?.name} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('legalConsult.providers.kind')} rules={[{ required: true }]}>
          <Radio.Group
            disabled={!!provider}
            options={ProviderKinds.map((k) => ({ value: k, label: t(`legalConsult.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('legalConsult.providers.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="firm" label={t('legalConsult.providers.firm')}>
          <Input placeholder={t('legalConsult.providers.firmPlaceholder')} maxLength={80} />
        </Form.Item>
        <Form.Item
          name="licenceNo"
          label={t('legalConsult.providers.licenceNo')}
          extra={t('legalConsult.providers.licenceHelp')}
          rules={[
            { required: kind === 'lawyer', message: t('legalConsult.providers.licenceInvalid') },
            { pattern: LICENCE_NO_PATTERN, message: t('legalConsult.providers.licenceInvalid') },
          ]}
        >
          <Input maxLength={17} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="fields"
          label={t('legalConsult.providers.fields')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('legalConsult.providers.region')} rules={[{ required: true }]}>
          <RegionPicker rootCode={me.org?.regionCode ?? '410000'} />
        </Form.Item>
        <Form.Item
          name="languages"
          label={t('legalConsult.providers.languages')}
          extra={t('legalConsult.providers.languagesHelp')}
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('legalConsult.providers.phone')}
          extra={provider ? t('legalConsult.providers.phoneKeep') : undefined}
          rules={[
            { required: !provider },
            { pattern: /^1[3-9][0-9]{9}$/, message: t('legalConsult.providers.phone') },
          ]}
        >
          <Input maxLength={11} inputMode="tel" placeholder={provider?.phoneMasked} />
        </Form.Item>
        {provider ? (
          <Form.Item name="status" label={t('legalConsult.providers.status')}>
            <Radio.Group
              options={(['active', 'inactive'] as const).map((s) => ({
                value: s,
                label: t(`legalConsult.providers.statuses.${s}`),
              }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="withAccount" valuePropName="checked">
              <Checkbox>{t('legalConsult.providers.createAccount')}</Checkbox>
            </Form.Item>
            {withAccount && (
              <>
                <Form.Item
                  name="username"
                  label={t('legalConsult.providers.username')}
                  rules={[{ required: true, min: 3 }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('legalConsult.providers.password')}
                  rules={[{ required: true, min: 12 }]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
