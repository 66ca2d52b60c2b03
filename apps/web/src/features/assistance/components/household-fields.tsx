import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  checkIdNumber,
  HealthStates,
  JobStates,
  normalizeIdNumber,
  Relationships,
} from '@unionhub/contracts';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The household rows of an antd form (`household`): ID numbers checked with the contracts validator. */
export function HouseholdFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="household">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                <Input placeholder={t('assistance.name')} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'relationship']} rules={[{ required: true }]}>
                <Select
                  placeholder={t('assistance.relationship')}
                  style={{ width: 110 }}
                  options={Relationships.map((r) => ({
                    value: r,
                    label: t(`assistance.relationships.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'idNumber']}
                rules={[
                  { required: true },
                  {
                    validator: (_, v: string) =>
                      !v || !checkIdNumber(normalizeIdNumber(v))
                        ? Promise.resolve()
                        : Promise.reject(
                            new Error(t('assistance.member.invalid', { field: t('assistance.idNumber') })),
                          ),
                  },
                ]}
              >
                <Input placeholder={t('assistance.idNumber')} style={{ width: 200 }} maxLength={18} />
              </Form.Item>
              <Form.Item name={[field.name, 'health']} rules={[{ required: true }]}>
                <Select
                  placeholder={t('assistance.healthLabel')}
                  style={{ width: 110 }}
                  options={HealthStates.map((h) => ({ value: h, label: t(`assistance.health.${h}`) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'jobStatus']} rules={[{ required: true }]}>
                <Select
                  placeholder={t('assistance.jobLabel')}
                  style={{ width: 110 }}
                  options={JobStates.map((j) => ({ value: j, label: t(`assistance.jobs.${j}`) }))}
                />
              </Form.Item>
              {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(field.name)} /> : null}
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ relationship: 'spouse', health: 'healthy', jobStatus: 'employed' })}
          >
            {t('assistance.addPerson')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
