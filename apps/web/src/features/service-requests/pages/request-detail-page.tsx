import { ArrowLeftOutlined, FileImageOutlined, FileOutlined } from '@ant-design/icons';
import type { Attachment, ServiceRequestDetail, StaffRequestAction, StaffUser } from '@unionhub/contracts';
import { formatFormValue, StaffRequestActions } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Rate,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { AdminCasePanel } from '../../legal-aid/components/admin-case-panel';
import { STATE_COLORS } from '../../service-hall/request-steps';
import {
  actOnRequest,
  assignRequest,
  downloadRequestFile,
  getRequest,
  listUnionStaff,
  replyToMember,
} from '../api';
import { ActionModal } from '../components/action-modal';
import { DeadlineCell } from '../components/deadline-cell';

const antColor: Record<string, string> = {
  primary: 'blue',
  warning: 'orange',
  danger: 'red',
  success: 'green',
  default: 'default',
};
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function Files({ requestId, files }: { requestId: number; files: readonly Attachment[] }) {
  if (files.length === 0) return null;
  const open = async (a: Attachment) => {
    const win = window.open('', '_blank');
    const { blob } = await downloadRequestFile(requestId, a.id);
    const url = URL.createObjectURL(blob);
    if (win) win.location.href = url;
  };
  return (
    <Space wrap>
      {files.map((a) => (
        <Button
          key={a.id}
          size="small"
          icon={a.kind === 'image' ? <FileImageOutlined /> : <FileOutlined />}
          onClick={() => void open(a)}
        >
          {a.filename}
        </Button>
      ))}
    </Space>
  );
}

/** One request for staff: the member (masked), the form, the files, the timeline, messages and the allowed actions. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const id = Number(useParams().id);
  const [request, setRequest] = useState<ServiceRequestDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<StaffRequestAction | null>(null);
  const [staff, setStaff] = useState<StaffUser[]>([]);
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);

  const load = useCallback(() => getRequest(id).then(setRequest, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const canAssign = request?.allowedActions.includes('assign') ?? false;
  useEffect(() => {
    if (canAssign && request && me.permissions.includes('user.read'))
      listUnionStaff(request.org.id).then(
        (r) => setStaff(r.items.filter((u) => u.orgId === request.org.id && !u.disabled)),
        () => setStaff([]),
      );
  }, [canAssign, request?.org.id, me.permissions, request]);

  if (error) return <ErrorAlert error={error} />;
  if (!request) return <Skeleton active paragraph={{ rows: 10 }} />;

  const actions = StaffRequestActions.filter((a) => request.allowedActions.includes(a));
  const readOnly = request.allowedActions.length === 0;

  return (
    <div className="uh-page">
      <Link to="/admin/requests">
        <ArrowLeftOutlined /> {t('requests.back')}
      </Link>
      <Typography.Title level={4} className="uh-page-title">
        {request.serviceName} <Typography.Text type="secondary">#{request.id}</Typography.Text>{' '}
        <Tag color={antColor[STATE_COLORS[request.state]]} data-testid="request-state">
          {t(`hall.states.${request.state}`)}
        </Tag>
        {request.escalatedTo ? (
          <Tag color="volcano">{t('requests.escalatedTo', { org: request.escalatedTo.name })}</Tag>
        ) : null}
      </Typography.Title>
      {readOnly && request.org.id !== me.org?.id ? (
        <Alert
          type="info"
          showIcon
          className="uh-block-alert"
          title={t('requests.readOnly', { org: request.org.name })}
        />
      ) : null}
      {actions.length > 0 && (
        <Card className="uh-block-card">
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'accept' || a === 'complete' ? 'primary' : 'default'}
                danger={a === 'reject'}
                onClick={() => setAction(a)}
              >
                {t(`hall.actions.${a}`)}
              </Button>
            ))}
            {canAssign && (
              <Select
                style={{ width: 200 }}
                allowClear
                placeholder={t('requests.assignPlaceholder')}
                value={request.assignee?.id}
                options={staff.map((u) => ({ value: u.id, label: u.displayName }))}
                onChange={async (staffId?: number) => {
                  try {
                    setRequest(await assignRequest(request.id, staffId ?? null));
                    void message.success(t('requests.assigned'));
                  } catch (err) {
                    void message.error(describeError(err, t).message);
                  }
                }}
              />
            )}
          </Space>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('requests.formData')} className="uh-block-card">
            <Descriptions column={1} size="small" bordered>
              {request.form.fields.map((f) => (
                <Descriptions.Item key={f.key} label={f.label}>
                  {formatFormValue(f, request.data[f.key]) || t('common.empty')}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {request.attachments.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('requests.files')}
                </Typography.Title>
                <Files requestId={request.id} files={request.attachments} />
              </>
            )}
          </Card>
          <Card title={t('requests.timeline')} className="uh-block-card">
            <Timeline
              data-testid="timeline"
              items={request.events.map((e) => ({
                color: e.action === 'escalate' ? 'red' : e.action === 'complete' ? 'green' : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>
                      {t(`hall.actions.${e.action}`, { defaultValue: e.action })}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {e.actorName}
                      {e.orgName ? ` · ${e.orgName}` : ''} · {when(e.createdAt)}
                    </Typography.Text>
                    {e.comment ? <div className="uh-prewrap">{e.comment}</div> : null}
                    <Files requestId={request.id} files={e.attachments} />
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {request.requestType === 'legal_aid' && (
            <AdminCasePanel requestId={request.id} version={request.updatedAt} />
          )}
          <Card title={t('requests.memberCard')} className="uh-block-card">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('requests.name')}>{request.member.name}</Descriptions.Item>
              <Descriptions.Item label={t('requests.idNumber')}>
                {request.member.idNumberMasked}
              </Descriptions.Item>
              <Descriptions.Item label={t('requests.phone')}>{request.member.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label={t('requests.memberUnion')}>
                {request.member.orgName}
              </Descriptions.Item>
              <Descriptions.Item label={t('requests.union')}>{request.org.name}</Descriptions.Item>
              <Descriptions.Item label={t('requests.deadline')}>
                <DeadlineCell request={request} />
              </Descriptions.Item>
              <Descriptions.Item label={t('requests.assignee')}>
                {request.assignee?.name ?? t('requests.unassigned')}
              </Descriptions.Item>
              <Descriptions.Item label={t('requests.rating')}>
                {request.rating ? (
                  <span>
                    <Rate disabled value={request.rating} style={{ fontSize: 14 }} />
                    {request.ratingComment ? ` ${request.ratingComment}` : ''}
                  </span>
                ) : (
                  t('requests.notRated')
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('requests.messages')} className="uh-block-card">
            {request.messages.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.noMessages')} />
            ) : null}
            {request.messages.map((m) => (
              <div key={m.id} className="uh-message">
                <Typography.Text type="secondary">
                  {m.authorName} · {when(m.createdAt)}
                </Typography.Text>
                <div className="uh-prewrap">{m.text}</div>
              </div>
            ))}
            {request.allowedActions.includes('message') && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input
                  placeholder={t('requests.reply')}
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                  maxLength={1000}
                />
                <Button
                  type="primary"
                  loading={sending}
                  disabled={!reply.trim()}
                  onClick={async () => {
                    setSending(true);
                    try {
                      setRequest(await replyToMember(request.id, reply.trim()));
                      setReply('');
                    } catch (err) {
                      void message.error(describeError(err, t).message);
                    } finally {
                      setSending(false);
                    }
                  }}
                >
                  {t('requests.send')}
                </Button>
              </Space.Compact>
            )}
          </Card>
        </Col>
      </Row>
      <ActionModal
        action={action}
        onCancel={() => setAction(null)}
        onSubmit={async (body) => {
          const done = action!;
          setRequest(await actOnRequest(request.id, done, body));
          setAction(null);
          void message.success(t('requests.done', { action: t(`hall.actions.${done}`) }));
        }}
      />
    </div>
  );
}
