import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { Lecture, LectureRegistration } from '@unionhub/contracts';
import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { cancelLecture, changeLecture, getLecture, listRegistrations, markAttended } from '../api';
import { LectureFormModal } from '../components/lecture-form-modal';
import { LECTURE_STATUS_COLORS, lectureTime } from './lectures-page';

/** One lecture: its details, the actions its status allows, and who registered and came. */
export function LecturePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const me = useMe();
  const canManage = me.permissions.includes('legal.manage');
  const [lecture, setLecture] = useState<Lecture | null>(null);
  const [registrations, setRegistrations] = useState<LectureRegistration[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');

  const load = useCallback(() => {
    getLecture(id).then(setLecture, setError);
    listRegistrations(id).then((r) => setRegistrations(r.items), setError);
  }, [id]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<Lecture>, done: string) => {
    try {
      setLecture(await work());
      void message.success(done);
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!lecture) return null;
  const can = (a: Lecture['allowedActions'][number]) => canManage && lecture.allowedActions.includes(a);

  return (
    <div className="uh-page">
      <Space style={{ marginBottom: 12 }}>
        <Link to="/admin/legal/lectures">
          <ArrowLeftOutlined /> {t('legal.lectures.back')}
        </Link>
      </Space>
      <Card
        title={
          <Space>
            {lecture.title}
            <Tag color={LECTURE_STATUS_COLORS[lecture.status]}>
              {t(`legal.lectures.statuses.${lecture.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {can('edit') && <Button onClick={() => setEditing(true)}>{t('legal.lectures.edit')}</Button>}
            {can('publish') && (
              <Button
                type="primary"
                onClick={() => void run(() => changeLecture(id, 'publish'), t('legal.lectures.published'))}
              >
                {t('legal.lectures.publish')}
              </Button>
            )}
            {canManage && lecture.status === 'published' && (
              <Link to={`/admin/legal/lectures/${id}/checkin`}>
                <Button type="primary" icon={<QrcodeOutlined />}>
                  {t('legal.lectures.checkinScreen')}
                </Button>
              </Link>
            )}
            {can('finish') && dayjs(lecture.startsAt).isBefore(dayjs()) && (
              <Button
                onClick={() =>
                  void modal.confirm({
                    title: t('legal.lectures.finish'),
                    content: t('legal.lectures.finishConfirm'),
                    onOk: () => run(() => changeLecture(id, 'finish'), t('legal.lectures.finished')),
                  })
                }
              >
                {t('legal.lectures.finish')}
              </Button>
            )}
            {can('cancel') && (
              <Button danger onClick={() => setCancelling(true)}>
                {t('legal.lectures.cancel')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('legal.lectures.columns.org')}>{lecture.org.name}</Descriptions.Item>
          <Descriptions.Item label={t('legal.lectures.columns.time')}>
            {lectureTime(lecture)}
          </Descriptions.Item>
          <Descriptions.Item label={t('legal.lectures.speaker')}>
            {lecture.speakerName}
            {lecture.speakerTitle ? `（${lecture.speakerTitle}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('legal.lectures.columns.mode')}>
            {t(`legal.lectures.modes.${lecture.mode}`)}
          </Descriptions.Item>
          {lecture.mode === 'onsite' ? (
            <Descriptions.Item label={t('legal.lectures.place')}>
              {lecture.place}
              {lecture.address ? ` · ${lecture.address}` : ''}
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('legal.lectures.onlineUrl')}>{lecture.onlineUrl}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('legal.lectures.deadline')}>
            {dayjs(lecture.registrationDeadline).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('legal.lectures.form.fields')}>
            {lecture.fields.map((f) => t(`legal.lectures.fields.${f}`)).join('、') || t('common.empty')}
          </Descriptions.Item>
          {lecture.cancelReason && (
            <Descriptions.Item label={t('legal.lectures.cancelReasonLabel')}>
              {lecture.cancelReason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('legal.lectures.form.topic')} span={2}>
            {lecture.topic}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('legal.lectures.registrations')} style={{ marginTop: 16 }}>
        <Typography.Paragraph>
          {t('legal.lectures.registrationTotals', {
            registered: lecture.registered,
            attended: lecture.attended,
            left: lecture.seatsLeft,
          })}
        </Typography.Paragraph>
        <Table<LectureRegistration>
          rowKey="id"
          size="small"
          dataSource={registrations}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('legal.lectures.noRegistrations') }}
          columns={[
            { title: t('legal.lectures.member'), dataIndex: 'memberName' },
            { title: t('legal.lectures.phone'), dataIndex: 'phoneMasked' },
            { title: t('legal.lectures.union'), dataIndex: 'orgName' },
            {
              title: t('legal.lectures.registeredAt'),
              key: 'registeredAt',
              render: (_, r) => dayjs(r.registeredAt).format('MM-DD HH:mm'),
            },
            {
              title: t('legal.lectures.attendance'),
              key: 'attendance',
              render: (_, r) =>
                r.status === 'cancelled' ? (
                  <Tag>{t('legal.lectures.regCancelled')}</Tag>
                ) : r.attendedAt ? (
                  <Space size={4}>
                    <Tag color="green">
                      {dayjs(r.attendedAt).format('HH:mm')}{' '}
                      {r.checkinMethod === 'manual' ? t('legal.lectures.byHand') : t('legal.lectures.byQr')}
                    </Tag>
                    {r.walkIn && <Tag color="orange">{t('legal.lectures.walkIn')}</Tag>}
                  </Space>
                ) : canManage && (lecture.status === 'published' || lecture.status === 'finished') ? (
                  <Button
                    size="small"
                    onClick={async () => {
                      try {
                        await markAttended(id, r.id);
                        void message.success(t('legal.lectures.marked', { name: r.memberName }));
                        load();
                      } catch (err) {
                        void message.error(describeError(err, t).message);
                      }
                    }}
                  >
                    {t('legal.lectures.markAttended')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('legal.lectures.notYet')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <LectureFormModal
        open={editing}
        lecture={lecture}
        onClose={() => setEditing(false)}
        onSaved={(l) => {
          setEditing(false);
          setLecture(l);
        }}
      />
      <Modal
        open={cancelling}
        title={t('legal.lectures.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setCancelling(false)}
        onOk={async () => {
          await run(() => cancelLecture(id, reason.trim()), t('legal.lectures.cancelled'));
          setCancelling(false);
        }}
      >
        <Typography.Paragraph>{t('legal.lectures.cancelReason')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('legal.lectures.cancelReasonPlaceholder')}
        />
      </Modal>
    </div>
  );
}
