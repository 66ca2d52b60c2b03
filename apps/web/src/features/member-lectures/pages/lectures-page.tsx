import { ScanOutlined } from '@ant-design/icons';
import type { MemberLecture } from '@unionhub/contracts';
import { Button, DotLoading, Empty, List, NavBar, Tabs, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listMyLectures } from '../api';

export const lectureWhen = (l: Pick<MemberLecture, 'startsAt' | 'endsAt'>) => {
  const start = new Date(l.startsAt);
  const end = new Date(l.endsAt);
  const day = start.toLocaleDateString('zh-CN', { month: 'long', day: 'numeric', weekday: 'short' });
  const hm = (d: Date) =>
    d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} ${hm(start)}–${hm(end)}`;
};

/** The member's own state at a lecture, or the lecture's, as a tag. */
export function LectureTag({ lecture }: { lecture: MemberLecture }) {
  const { t } = useTranslation();
  if (lecture.registration?.attendedAt) return <Tag color="success">{t('memberLectures.attended')}</Tag>;
  if (lecture.status !== 'published')
    return <Tag color="default">{t(`memberLectures.statuses.${lecture.status}`)}</Tag>;
  if (lecture.registration?.status === 'registered')
    return <Tag color="primary">{t('memberLectures.registered')}</Tag>;
  if (lecture.seatsLeft === 0) return <Tag color="default">{t('memberLectures.full')}</Tag>;
  return <Tag color="warning">{t('memberLectures.statuses.published')}</Tag>;
}

/** 法律大讲堂 in the member app: lectures offered to the member, or the ones they registered for. */
export function LecturesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'upcoming';
  const [items, setItems] = useState<MemberLecture[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setItems(null);
    setError(null);
    listMyLectures(tab === 'mine').then((r) => setItems(r.items), setError);
  }, [tab]);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m')}>{t('memberLectures.title')}</NavBar>
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'mine' ? { tab: 'mine' } : {})}>
        <Tabs.Tab key="upcoming" title={t('memberLectures.tabs.upcoming')} />
        <Tabs.Tab key="mine" title={t('memberLectures.tabs.mine')} />
      </Tabs>
      <div className="uhm-page-actions" style={{ paddingTop: 8 }}>
        <Button
          block
          color="primary"
          fill="outline"
          shape="rounded"
          onClick={() => navigate('/m/lectures/checkin')}
        >
          <ScanOutlined /> {t('memberLectures.scan')}
        </Button>
      </div>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && (
        <Empty description={tab === 'mine' ? t('memberLectures.emptyMine') : t('memberLectures.empty')} />
      )}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((l) => (
            <List.Item
              key={l.id}
              onClick={() => navigate(`/m/lectures/${l.id}`)}
              description={
                <>
                  <div>{lectureWhen(l)}</div>
                  <div>
                    {l.mode === 'onsite' ? l.place : t('memberLectures.modes.online')} · {l.speakerName}
                  </div>
                  {l.status === 'published' && !l.registration && l.seatsLeft > 0 && (
                    <div>{t('memberLectures.seatsLeft', { count: l.seatsLeft })}</div>
                  )}
                </>
              }
              extra={<LectureTag lecture={l} />}
            >
              {l.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
