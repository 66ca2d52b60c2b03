import { FileImageOutlined, FileOutlined } from '@ant-design/icons';
import type { Attachment, ConsultationDetail } from '@unionhub/contracts';
import { Button, Card, Descriptions, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DownloadedFile } from '../../../lib/api';
import { chinaDateTime } from '../format';

function Files({
  files,
  open,
}: {
  files: readonly Attachment[];
  open: (a: Attachment) => Promise<DownloadedFile>;
}) {
  if (files.length === 0) return null;
  const show = async (a: Attachment) => {
    const win = window.open('', '_blank');
    const { blob } = await open(a);
    const url = URL.createObjectURL(blob);
    if (win) win.location.href = url;
  };
  return (
    <Space wrap className="uh-legal-files">
      {files.map((a) => (
        <Button
          key={a.id}
          size="small"
          icon={a.kind === 'image' ? <FileImageOutlined /> : <FileOutlined />}
          onClick={() => void show(a)}
        >
          {a.filename}
        </Button>
      ))}
    </Space>
  );
}

/** The question, the conversation and every step, as a lawyer or the union's staff read them. */
export function ConsultationThread({
  detail,
  open,
}: {
  detail: ConsultationDetail;
  open: (a: Attachment) => Promise<DownloadedFile>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Card className="uh-block-card" title={t('legalConsult.workspace.question')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('legalConsult.workspace.field')}>
            {t(`legalConsult.fields.${detail.field}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('legalConsult.workspace.asker')}>
            {detail.memberName} · {detail.memberOrgName}
          </Descriptions.Item>
          <Descriptions.Item label={t('legalConsult.workspace.askedAt')}>
            {chinaDateTime(detail.askedAt)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph className="uh-prewrap uh-legal-question" data-testid="consultation-text">
          {detail.text}
        </Typography.Paragraph>
        <Files files={detail.attachments} open={open} />
        <Space wrap>
          {detail.anonymous && <Tag>{t('legalConsult.workspace.anonymous')}</Tag>}
          {detail.allowPublish && <Tag color="purple">{t('legalConsult.workspace.allowPublish')}</Tag>}
        </Space>
      </Card>
      <Card className="uh-block-card" title={t('legalConsult.workspace.thread')}>
        <ul className="uh-legal-thread" data-testid="thread">
          {detail.messages.map((m) => (
            <li key={m.id} className={m.authorType === 'member' ? 'is-member' : 'is-lawyer'}>
              <div className="uh-legal-thread-meta">
                {m.authorName} · {chinaDateTime(m.createdAt)}
              </div>
              <div className="uh-prewrap">{m.text}</div>
              <Files files={m.attachments} open={open} />
            </li>
          ))}
        </ul>
        {detail.rating !== null && (
          <div className="uh-legal-rating">
            {t('legalConsult.workspace.rating')}：<Rate disabled value={detail.rating} />{' '}
            {detail.ratingComment ? (
              <Typography.Text type="secondary">{detail.ratingComment}</Typography.Text>
            ) : null}
          </div>
        )}
      </Card>
      <Card className="uh-block-card" title={t('legalConsult.workspace.steps')}>
        <Timeline
          items={detail.events.map((e) => ({
            key: e.id,
            content: (
              <>
                <strong>{t(`legalConsult.events.${e.action}`, { defaultValue: e.action })}</strong> ·{' '}
                {e.actorName}
                {e.orgName ? ` · ${e.orgName}` : ''}
                <div className="uh-muted">{chinaDateTime(e.createdAt)}</div>
                {e.comment ? <div>{e.comment}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
