import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AttachmentRequirement, FormField } from '@unionhub/contracts';
import { AttachmentKinds, FormFieldTypes } from '@unionhub/contracts';
import { Button, Checkbox, Empty, Input, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { deriveKey } from '../field-keys';

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** The form a member fills in, designed as rows: label (key derived), type, required, options, limits. */
export function FormDesigner({
  value = [],
  onChange,
}: {
  value?: FormField[];
  onChange?: (fields: FormField[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FormField>) => {
    const next = value.map((f, j) => (j === i ? { ...f, ...patch } : f));
    const field = next[i]!;
    if (field.type !== 'select' && field.type !== 'multiselect') delete field.options;
    if (field.type !== 'number' && field.type !== 'amount') {
      delete field.min;
      delete field.max;
    }
    onChange?.(next);
  };
  return (
    <div className="uh-designer">
      {value.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('services.noFields')} />
      )}
      {value.length > 0 && (
        <Table<FormField>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={value}
          columns={[
            {
              title: t('services.fieldLabel'),
              key: 'label',
              render: (_, f, i) => (
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Input
                    aria-label={t('services.fieldLabel')}
                    value={f.label}
                    maxLength={40}
                    onChange={(e) => set(i, { label: e.target.value })}
                    onBlur={(e) => {
                      if (/^field\d+$/.test(f.key))
                        set(i, {
                          key: deriveKey(
                            e.target.value,
                            value.filter((x) => x !== f).map((x) => x.key),
                          ),
                        });
                    }}
                  />
                  <span className="uh-muted-small">
                    {t('services.fieldKey')}: {f.key}
                  </span>
                </Space>
              ),
            },
            {
              title: t('services.fieldType'),
              key: 'type',
              width: 130,
              render: (_, f, i) => (
                <Select
                  value={f.type}
                  style={{ width: 120 }}
                  onChange={(type) =>
                    set(i, {
                      type,
                      ...(type === 'select' || type === 'multiselect' ? { options: f.options ?? [] } : {}),
                    })
                  }
                  options={FormFieldTypes.map((ft) => ({ value: ft, label: t(`services.fieldTypes.${ft}`) }))}
                />
              ),
            },
            {
              title: t('services.fieldRequired'),
              key: 'required',
              width: 60,
              render: (_, f, i) => (
                <Checkbox checked={f.required} onChange={(e) => set(i, { required: e.target.checked })} />
              ),
            },
            {
              title: `${t('services.fieldOptions')} / ${t('services.fieldMin')}–${t('services.fieldMax')}`,
              key: 'extra',
              render: (_, f, i) =>
                f.type === 'select' || f.type === 'multiselect' ? (
                  <Input.TextArea
                    rows={2}
                    value={(f.options ?? []).join('\n')}
                    onChange={(e) =>
                      set(i, {
                        options: e.target.value
                          .split('\n')
                          .map((o) => o.trim())
                          .filter(Boolean),
                      })
                    }
                  />
                ) : f.type === 'number' || f.type === 'amount' ? (
                  <Space>
                    <InputNumber
                      placeholder={t('services.fieldMin')}
                      value={f.min}
                      onChange={(v) => set(i, { min: v ?? undefined })}
                    />
                    <InputNumber
                      placeholder={t('services.fieldMax')}
                      value={f.max}
                      onChange={(v) => set(i, { max: v ?? undefined })}
                    />
                  </Space>
                ) : (
                  <Input
                    placeholder={t('services.fieldHelp')}
                    value={f.help}
                    maxLength={200}
                    onChange={(e) => set(i, { help: e.target.value || undefined })}
                  />
                ),
            },
            {
              key: 'ops',
              width: 110,
              render: (_, _f, i) => (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('services.up')}
                    disabled={i === 0}
                    onClick={() => onChange?.(move(value, i, i - 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('services.down')}
                    disabled={i === value.length - 1}
                    onClick={() => onChange?.(move(value, i, i + 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('services.remove')}
                    onClick={() => onChange?.(value.filter((_, j) => j !== i))}
                  />
                </Space>
              ),
            },
          ]}
        />
      )}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() =>
          onChange?.([
            ...value,
            {
              key: deriveKey(
                '',
                value.map((f) => f.key),
              ),
              label: '',
              type: 'text',
              required: true,
            },
          ])
        }
      >
        {t('services.addField')}
      </Button>
    </div>
  );
}

/** The documents a service asks for. */
export function DocumentsEditor({
  value = [],
  onChange,
}: {
  value?: AttachmentRequirement[];
  onChange?: (docs: AttachmentRequirement[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<AttachmentRequirement>) =>
    onChange?.(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div>
      {value.map((d, i) => (
        <Space key={d.key} wrap className="uh-doc-row">
          <Input
            aria-label={t('services.documentLabel')}
            placeholder={t('services.documentLabel')}
            value={d.label}
            maxLength={40}
            style={{ width: 200 }}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <Checkbox checked={d.required} onChange={(e) => set(i, { required: e.target.checked })}>
            {t('services.fieldRequired')}
          </Checkbox>
          <InputNumber
            min={1}
            max={10}
            value={d.maxCount}
            addonBefore={t('services.documentMax')}
            style={{ width: 150 }}
            onChange={(v) => set(i, { maxCount: v ?? 1 })}
          />
          <Select
            mode="multiple"
            style={{ minWidth: 200 }}
            value={d.kinds}
            onChange={(kinds) => set(i, { kinds })}
            options={AttachmentKinds.map((k) => ({ value: k, label: t(`hall.kinds.${k}`) }))}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('services.remove')}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() =>
          onChange?.([
            ...value,
            {
              key: deriveKey(
                '',
                value.map((d) => d.key),
                'doc',
              ),
              label: '',
              required: true,
              maxCount: 3,
              kinds: ['image', 'pdf'],
            },
          ])
        }
      >
        {t('services.addDocument')}
      </Button>
    </div>
  );
}
