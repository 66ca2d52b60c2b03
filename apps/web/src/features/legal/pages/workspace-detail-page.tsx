import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment, ConsultationDetail } from '@unionhub/contracts';
import { Alert, App, Button, Card, Input, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { adminApi } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { uploadAttachment } from '../../service-hall/api';
import { downloadWorkspaceFile, getWorkspaceConsultation, lawyerAct } from '../api';
import { ConsultationThread } from '../components/consultation-thread';
import { chinaDateTime, STATE_COLORS } from '../format';

/** One question in the lawyer workspace: read it, pick it up (认领), answer with files, close. */
export function WorkspaceDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const [detail, setDetail] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => getWorkspaceConsultation(id).then(setDetail, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<ConsultationDetail>, done: string) => {
    setBusy(true);
    try {
      setDetail(await work());
      void message.success(done);
      return true;
    } catch (err) {
      void message.error(describeError(err, t).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 10 }} />;
  const can = (a: string) => detail.allowedActions.includes(a);

  return (
    <div className="uh-page">
      <Link to="/admin/legal/workspace">
        <ArrowLeftOutlined /> {t('legalConsult.workspace.back')}
      </Link>
      <Typography.Title level={4} className="uh-page-title">
        {t('legalConsult.workspace.no')} {detail.id}{' '}
        <Tag color={STATE_COLORS[detail.state]} data-testid="consultation-state">
          {t(`legalConsult.states.${detail.state}`)}
        </Tag>
      </Typography.Title>
      {detail.state === 'assigned' && detail.pickupDueAt ? (
        <Alert
          type={Date.parse(detail.pickupDueAt) < Date.now() ? 'error' : 'warning'}
          showIcon
          className="uh-block-alert"
          title={
            Date.parse(detail.pickupDueAt) < Date.now()
              ? t('legalConsult.workspace.pickupOverdue')
              : t('legalConsult.workspace.pickupDue', { time: chinaDateTime(detail.pickupDueAt) })
          }
          action={
            <Button
              type="primary"
              loading={busy}
              onClick={() => run(() => lawyerAct(id, 'pick'), t('legalConsult.workspace.picked'))}
            >
              {t('legalConsult.workspace.pick')}
            </Button>
          }
        />
      ) : null}
      <ConsultationThread detail={detail} open={(a) => downloadWorkspaceFile(id, a.id)} />
      {can('answer') && (
        <Card className="uh-block-card" title={t('legalConsult.workspace.answer')}>
          <Input.TextArea
            rows={6}
            maxLength={2000}
            showCount
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('legalConsult.workspace.answerPlaceholder')}
            aria-label={t('legalConsult.workspace.answer')}
          />
          <Space className="uh-legal-answer-bar" wrap>
            <Upload
              multiple
              showUploadList
              fileList={files.map((f) => ({ uid: String(f.id), name: f.filename, status: 'done' as const }))}
              onRemove={(f) => setFiles((all) => all.filter((a) => String(a.id) !== f.uid))}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const saved = await uploadAttachment(file as File, adminApi);
                  setFiles((all) => [...all, saved]);
                  onSuccess?.(saved);
                } catch (err) {
                  void message.error(describeError(err, t).message);
                  onError?.(err as Error);
                }
              }}
            >
              <Button icon={<PaperClipOutlined />}>{t('legalConsult.workspace.attach')}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={!text.trim()}
              loading={busy}
              onClick={async () => {
                const ok = await run(
                  () =>
                    lawyerAct(id, 'answer', {
                      text: text.trim(),
                      attachments: files.map((f) => ({ id: f.id })),
                    }),
                  t('legalConsult.workspace.sent'),
                );
                if (ok) {
                  setText('');
                  setFiles([]);
                }
              }}
            >
              {t('legalConsult.workspace.send')}
            </Button>
            {can('close') && (
              <Button
                loading={busy}
                onClick={() =>
                  modal.confirm({
                    title: t('legalConsult.workspace.closeConfirm'),
                    onOk: () => run(() => lawyerAct(id, 'close'), t('legalConsult.workspace.closed')),
                  })
                }
              >
                {t('legalConsult.workspace.close')}
              </Button>
            )}
          </Space>
        </Card>
      )}
    </div>
  );
}
