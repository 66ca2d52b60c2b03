import {
  checkIdNumber,
  type Member,
  MemberCategories,
  type MemberCategory,
  normalizeIdNumber,
} from '@unionhub/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { createMember, updateMember } from '../api';

interface FormValues {
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
  joinedOn: Dayjs;
  employerName?: string;
  categories?: MemberCategory[];
}

/** 新增会员, or 编辑 of `member` (name, phone, employer, categories; the ID number is corrected elsewhere). */
export function MemberFormModal({
  open,
  member,
  onClose,
  onSaved,
}: {
  open: boolean;
  member?: Member;
  onClose: () => void;
  onSaved: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const editing = member !== undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (member)
      form.setFieldsValue({
        name: member.name,
        employerName: member.employerName ?? undefined,
        categories: member.categories,
      });
  }, [open, member, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const employerName = v.employerName?.trim() || undefined;
      const saved = member
        ? await updateMember(member.id, {
            name: v.name.trim(),
            ...(v.phone ? { phone: v.phone.trim() } : {}),
            employerName: employerName ?? null,
            categories: v.categories ?? [],
          })
        : await createMember({
            orgId: v.orgId,
            name: v.name.trim(),
            idNumber: normalizeIdNumber(v.idNumber),
            phone: v.phone.trim(),
            joinedOn: v.joinedOn.format('YYYY-MM-DD'),
            ...(employerName ? { employerName } : {}),
            ...(v.categories?.length ? { categories: v.categories } : {}),
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
      open={open}
      title={editing ? t('members.detail.edit') : t('members.add')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        name="member"
        layout="vertical"
        className="uh-form-grid"
        initialValues={{ joinedOn: dayjs() }}
      >
        {editing ? null : (
          <Form.Item
            name="orgId"
            label={t('members.org')}
            extra={t('members.form.orgHint')}
            rules={[{ required: true, message: t('members.form.orgRequired') }]}
            className="uh-form-wide"
          >
            <OrgSearchSelect level="grassroots" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('members.name')}
          rules={[
            {
              required: true,
              pattern: /^[\u3400-\u9fffA-Za-z·]{2,30}$/,
              message: t('members.form.nameRule'),
            },
          ]}
        >
          <Input maxLength={30} />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            name="idNumber"
            label={t('members.idNumber')}
            extra={t('members.form.idHint')}
            validateTrigger="onBlur"
            rules={[
              { required: true, message: t('members.form.idRequired') },
              {
                validator: (_, value?: string) => {
                  if (!value) return Promise.resolve();
                  const broken = checkIdNumber(normalizeIdNumber(value));
                  return broken
                    ? Promise.reject(
                        new Error(
                          t(`members.idRules.${broken.rule.replace('.', '_')}`, {
                            defaultValue: broken.message,
                          }),
                        ),
                      )
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('members.phone')}
          rules={[{ required: !editing, pattern: /^1[3-9]\d{9}$/, message: t('members.form.phoneRule') }]}
        >
          <Input maxLength={11} autoComplete="off" placeholder={editing ? member.phoneMasked : undefined} />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            name="joinedOn"
            label={t('members.joinedOn')}
            rules={[{ required: true, message: t('members.form.joinedOnRequired') }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="employerName" label={t('members.employer')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="categories" label={t('members.categories')}>
          <Select
            mode="multiple"
            allowClear
            options={MemberCategories.filter((c) => c !== 'hardship').map((c) => ({
              value: c,
              label: t(`members.categoryNames.${c}`),
            }))}
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
