import { PlusOutlined, ReadOutlined } from '@ant-design/icons';
import type { Lecture, LectureStatus } from '@unionhub/contracts';
import { LectureStatuses } from '@unionhub/contracts';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { listLectures } from '../api';
import { LectureFormModal } from '../components/lecture-form-modal';

export const LECTURE_STATUS_COLORS: Record<LectureStatus, string> = {
  draft: 'default',
  published: 'green',
  cancelled: 'red',
  finished: 'blue',
};

export const lectureTime = (l: Pick<Lecture, 'startsAt' | 'endsAt'>) =>
  `${dayjs(l.startsAt).format('YYYY-MM-DD HH:mm')}–${dayjs(l.endsAt).format('HH:mm')}`;

/** 法律大讲堂: the lectures of the caller's subtree, newest first. */
export function LecturesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = me.permissions.includes('legal.manage');
  const [filters, setFilters] = useState<{ status?: LectureStatus; q?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Lecture[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listLectures({
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
      page,
      pageSize: 20,
    })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [filters, page]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <ReadOutlined /> {t('legal.lectures.title')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Form
            name="lecture-filters"
            layout="inline"
            onFinish={(v) => {
              setFilters(v);
              setPage(1);
            }}
          >
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={t('legal.lectures.allStatuses')}
                style={{ width: 130 }}
                options={LectureStatuses.map((s) => ({ value: s, label: t(`legal.lectures.statuses.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="q">
              <Input allowClear placeholder={t('legal.lectures.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">{t('legal.lectures.search')}</Button>
            </Form.Item>
          </Form>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('legal.lectures.create')}
            </Button>
          )}
        </Space>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Lecture>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('legal.lectures.total', { total }),
          }}
          columns={[
            {
              title: t('legal.lectures.columns.title'),
              key: 'title',
              render: (_, l) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/admin/legal/lectures/${l.id}`}>{l.title}</Link>
                  <Typography.Text type="secondary">
                    {l.speakerName}
                    {l.speakerTitle ? ` · ${l.speakerTitle}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('legal.lectures.columns.org'), key: 'org', render: (_, l) => l.org.name },
            {
              title: t('legal.lectures.columns.time'),
              key: 'time',
              width: 190,
              render: (_, l) => lectureTime(l),
            },
            {
              title: t('legal.lectures.columns.mode'),
              key: 'mode',
              width: 80,
              render: (_, l) => t(`legal.lectures.modes.${l.mode}`),
            },
            {
              title: t('legal.lectures.columns.seats'),
              key: 'seats',
              width: 110,
              render: (_, l) => `${l.registered} / ${l.capacity}`,
            },
            { title: t('legal.lectures.columns.attended'), dataIndex: 'attended', width: 70 },
            {
              title: t('legal.lectures.columns.status'),
              key: 'status',
              width: 90,
              render: (_, l) => (
                <Tag color={LECTURE_STATUS_COLORS[l.status]}>{t(`legal.lectures.statuses.${l.status}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <LectureFormModal
        open={creating}
        lecture={null}
        onClose={() => setCreating(false)}
        onSaved={(l) => {
          setCreating(false);
          navigate(`/admin/legal/lectures/${l.id}`);
        }}
      />
    </div>
  );
}
