import {
  type CreateOrgBody,
  checkContactPhone,
  type Org,
  type OrgKind,
  OrgKinds,
  type OrgLevel,
  OrgLevels,
  type UpdateOrgBody,
} from '@unionhub/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { IndustrySelect } from '../../reference/components/industry-select';
import { RegionPicker } from '../../reference/components/region-picker';
import { createOrg, updateOrg } from '../api';

interface FormValues {
  name: string;
  level: OrgLevel;
  kind: OrgKind;
  formation?: 'hosted' | 'delegated';
  regionCode: string;
  industryCode?: string;
  chairName?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  foundedOn?: Dayjs;
}

/** The levels a new union may take under `parent`: any level below it (levels may be skipped). */
export function levelsBelow(parent: OrgLevel): OrgLevel[] {
  return OrgLevels.slice(OrgLevels.indexOf(parent) + 1);
}

/** Kinds that fit a level: 联合基层工会 only at grassroots, 产业/行业工会 at township or grassroots. */
export function kindsFor(level: OrgLevel | undefined): OrgKind[] {
  return OrgKinds.filter((k) => {
    if (k === 'joint') return level === 'grassroots';
    if (k === 'industry' || k === 'trade') return level === 'township' || level === 'grassroots';
    return true;
  });
}

const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** 新建下级组织 under `parent`, or 编辑 of `org`; the level of an existing union is not changed here. */
export function OrgFormModal({
  open,
  parent,
  org,
  onClose,
  onSaved,
}: {
  open: boolean;
  parent: Org | null;
  org?: Org;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const level = Form.useWatch('level', form);
  const editing = org !== undefined;
  const levels = parent ? levelsBelow(parent.level) : [];

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (org) {
      form.setFieldsValue({
        name: org.name,
        level: org.level,
        kind: org.kind,
        formation: org.formation ?? undefined,
        regionCode: org.regionCode ?? undefined,
        industryCode: org.industryCode ?? undefined,
        chairName: org.chairName ?? undefined,
        contactName: org.contactName ?? undefined,
        contactPhone: org.contactPhone ?? undefined,
        address: org.address ?? undefined,
        foundedOn: org.foundedOn ? dayjs(org.foundedOn) : undefined,
      });
    } else if (parent) {
      form.setFieldsValue({
        level: levels.includes('grassroots') && parent.level === 'township' ? 'grassroots' : levels[0],
        kind: 'regular',
        regionCode: parent.regionCode ?? undefined,
      });
    }
  }, [open, org, parent, form, levels[0]]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const details = {
        formation: v.formation,
        industryCode: v.industryCode,
        chairName: optional(v.chairName),
        contactName: optional(v.contactName),
        contactPhone: optional(v.contactPhone),
        address: optional(v.address),
        foundedOn: v.foundedOn?.format('YYYY-MM-DD'),
      };
      let saved: Org;
      if (org) {
        const body: UpdateOrgBody = { name: v.name.trim(), regionCode: v.regionCode };
        if (v.kind !== org.kind) body.kind = v.kind;
        for (const [key, value] of Object.entries(details)) {
          (body as Record<string, unknown>)[key] = value ?? null;
        }
        saved = await updateOrg(org.id, body);
      } else {
        const body: CreateOrgBody = {
          parentId: parent!.id,
          name: v.name.trim(),
          level: v.level,
          kind: v.kind,
          regionCode: v.regionCode,
        };
        for (const [key, value] of Object.entries(details)) {
          if (value !== undefined) (body as Record<string, unknown>)[key] = value;
        }
        saved = await createOrg(body);
      }
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
      title={
        editing ? t('orgs.editTitle', { name: org.name }) : t('orgs.createTitle', { name: parent?.name })
      }
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      width={720}
      destroyOnHidden
    >
      <Form form={form} name="org" layout="vertical" className="uh-form-grid">
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[{ required: true, min: 2, max: 100, whitespace: true, message: t('orgs.nameRule') }]}
          className="uh-form-wide"
        >
          <Input placeholder={t('orgs.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="level" label={t('fields.level')} rules={[{ required: true }]}>
          <Select
            disabled={editing}
            options={(editing ? [org.level] : levels).map((l) => ({ value: l, label: t(`orgLevels.${l}`) }))}
            onChange={(l: OrgLevel) => {
              if (!kindsFor(l).includes(form.getFieldValue('kind'))) form.setFieldValue('kind', 'regular');
            }}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
          <Select options={kindsFor(level).map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="formation" label={t('fields.formation')}>
          <Select
            allowClear
            options={(['hosted', 'delegated'] as const).map((f) => ({
              value: f,
              label: t(`orgFormations.${f}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('fields.regionCode')}
          rules={[{ required: true, message: t('orgs.regionRule') }]}
        >
          <RegionPicker rootCode={(editing ? org.regionCode : parent?.regionCode) ?? null} />
        </Form.Item>
        <Form.Item name="industryCode" label={t('fields.industryCode')}>
          <IndustrySelect />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('fields.foundedOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="chairName" label={t('fields.chairName')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactName" label={t('fields.contactName')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('fields.contactPhone')}
          rules={[
            {
              validator: (_, value?: string) =>
                !value?.trim() || !checkContactPhone(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('orgs.contactPhoneRule'))),
            },
          ]}
        >
          <Input placeholder="0371-65561234" maxLength={32} />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')} rules={[{ max: 200 }]} className="uh-form-wide">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
