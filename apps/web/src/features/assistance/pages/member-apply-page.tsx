import {
  type AssistanceKind,
  AssistanceKinds,
  checkIdNumber,
  type HardshipCause,
  HardshipCauses,
  HealthStates,
  JobStates,
  normalizeIdNumber,
  Relationships,
} from '@unionhub/contracts';
import { Button, Form, Input, NavBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { AttachmentSlots, type UploadedFile } from '../../service-hall/components/attachment-slots';
import { applyForAssistance } from '../api';

interface Person {
  name: string;
  relationship: string[];
  idNumber: string;
  health: string[];
  jobStatus: string[];
}
interface Values {
  kind: AssistanceKind[];
  amountYuan: string;
  reason: string;
  household: Person[];
  incomeYuan: string;
  causes: HardshipCause[];
  bankName: string;
  bankAccount: string;
}

const EVIDENCE = [
  { key: 'evidence', label: '', required: true, maxCount: 6, kinds: ['image', 'pdf'] as ('image' | 'pdf')[] },
];

/** 申请帮扶 on the phone: kind, amount, reason, the household, evidence photos and the bank card. */
export function MemberApplyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [fileError, setFileError] = useState('');
  const [busy, setBusy] = useState(false);
  const required = (field: string) => [
    { required: true, message: t('assistance.member.required', { field }) },
  ];
  const opts = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  const submit = async (v: Values) => {
    if (!files.length) {
      setFileError(t('assistance.member.required', { field: t('assistance.evidence') }));
      return;
    }
    setBusy(true);
    try {
      const created = await applyForAssistance({
        kind: v.kind[0]!,
        amountRequestedFen: Math.round(Number(v.amountYuan) * 100),
        reason: v.reason.trim(),
        household: v.household.map((p) => ({
          name: p.name.trim(),
          relationship: p.relationship[0] as never,
          idNumber: normalizeIdNumber(p.idNumber),
          health: p.health[0] as never,
          jobStatus: p.jobStatus[0] as never,
        })),
        incomePerPersonFen: Math.round(Number(v.incomeYuan) * 100),
        causes: v.causes,
        bankName: v.bankName.trim(),
        bankAccount: v.bankAccount.replace(/\s/g, ''),
        attachments: files.map((f) => ({ id: f.attachment.id })),
      });
      Toast.show({ icon: 'success', content: t('assistance.member.submitted') });
      navigate(`/m/assistance/${created.id}`, { replace: true });
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/assistance')}>{t('assistance.member.apply')}</NavBar>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => Toast.show({ content: t('hall.checkForm') })}
        initialValues={{
          household: [{ relationship: ['self'], health: ['healthy'], jobStatus: ['employed'] }] as Person[],
          causes: [],
        }}
        footer={
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={busy}
            data-testid="submit-assistance"
          >
            {t('assistance.member.submit')}
          </Button>
        }
      >
        <Form.Header>{t('assistance.member.title')}</Form.Header>
        <Form.Item name="kind" label={t('assistance.kind')} rules={required(t('assistance.kind'))}>
          <Selector columns={2} options={opts(AssistanceKinds, 'assistance.kinds')} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('assistance.member.amountYuan')}
          rules={required(t('assistance.amountRequested'))}
        >
          <Input type="number" inputMode="decimal" placeholder="0.00" />
        </Form.Item>
        <Form.Item name="reason" label={t('assistance.reason')} rules={required(t('assistance.reason'))}>
          <TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('assistance.member.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="causes"
          label={t('assistance.causesLabel')}
          rules={required(t('assistance.causesLabel'))}
        >
          <Selector multiple columns={3} options={opts(HardshipCauses, 'assistance.causes')} />
        </Form.Item>
        <Form.Item
          name="incomeYuan"
          label={t('assistance.incomeYuan')}
          help={t('assistance.member.incomeHint')}
          rules={required(t('assistance.income'))}
        >
          <Input type="number" inputMode="decimal" placeholder="0.00" />
        </Form.Item>
        <Form.Header>{t('assistance.household')}</Form.Header>
        <Form.Array
          name="household"
          onAdd={({ add }) => add({ relationship: ['spouse'], health: ['healthy'], jobStatus: ['employed'] })}
          renderAdd={() => <span data-testid="add-person">+ {t('assistance.addPerson')}</span>}
          renderHeader={({ index }, { remove }) => (
            <>
              <span>{t('assistance.member.person', { n: index + 1 })}</span>
              {index > 0 ? (
                <button type="button" className="uhm-assist-remove" onClick={() => remove(index)}>
                  {t('assistance.member.removePerson')}
                </button>
              ) : null}
            </>
          )}
        >
          {(fields) =>
            fields.map(({ index }) => (
              <div key={index}>
                <Form.Item
                  name={[index, 'name']}
                  label={t('assistance.name')}
                  rules={required(t('assistance.name'))}
                >
                  <Input placeholder={t('assistance.name')} />
                </Form.Item>
                <Form.Item
                  name={[index, 'relationship']}
                  label={t('assistance.relationship')}
                  rules={required(t('assistance.relationship'))}
                >
                  <Selector columns={3} options={opts(Relationships, 'assistance.relationships')} />
                </Form.Item>
                <Form.Item
                  name={[index, 'idNumber']}
                  label={t('assistance.idNumber')}
                  rules={[
                    ...required(t('assistance.idNumber')),
                    {
                      validator: (_: unknown, v: string) =>
                        !v || !checkIdNumber(normalizeIdNumber(v))
                          ? Promise.resolve()
                          : Promise.reject(
                              new Error(t('assistance.member.invalid', { field: t('assistance.idNumber') })),
                            ),
                    },
                  ]}
                >
                  <Input maxLength={18} placeholder={t('assistance.idNumber')} />
                </Form.Item>
                <Form.Item
                  name={[index, 'health']}
                  label={t('assistance.healthLabel')}
                  rules={required(t('assistance.healthLabel'))}
                >
                  <Selector columns={4} options={opts(HealthStates, 'assistance.health')} />
                </Form.Item>
                <Form.Item
                  name={[index, 'jobStatus']}
                  label={t('assistance.jobLabel')}
                  rules={required(t('assistance.jobLabel'))}
                >
                  <Selector columns={3} options={opts(JobStates, 'assistance.jobs')} />
                </Form.Item>
              </div>
            ))
          }
        </Form.Array>
        <Form.Header>{t('assistance.evidence')}</Form.Header>
        <div className="uhm-assist-files">
          <AttachmentSlots
            requirements={EVIDENCE.map((e) => ({ ...e, label: t('assistance.member.addPhoto') }))}
            files={files}
            errors={fileError ? { evidence: fileError } : {}}
            onChange={(f) => {
              setFiles(f);
              setFileError('');
            }}
          />
        </div>
        <Form.Header>{t('assistance.bank')}</Form.Header>
        <Form.Item name="bankName" label={t('assistance.bank')} rules={required(t('assistance.bank'))}>
          <Input placeholder="例如：中国工商银行郑州金水支行" />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label={t('assistance.bankAccount')}
          help={t('assistance.member.bankHint')}
          rules={[
            ...required(t('assistance.bankAccount')),
            {
              pattern: /^\s*(\d\s*){12,19}$/,
              message: t('assistance.member.invalid', { field: t('assistance.bankAccount') }),
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={23} />
        </Form.Item>
      </Form>
    </div>
  );
}
