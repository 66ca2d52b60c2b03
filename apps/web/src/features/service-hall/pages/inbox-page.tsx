import type { Notification } from '@unionhub/contracts';
import { Badge, Button, DotLoading, Empty, List, NavBar } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api';

/** A notice's link as the member app opens it: request pages of the admin console map to /m. */
export function memberLink(link: string | null): string | null {
  if (!link) return null;
  const request = link.match(/\/requests\/(\d+)/);
  if (request) return `/m/requests/${request[1]}`;
  return link.startsWith('/m') ? link : null;
}

/** 消息: the member's in-app notices, newest first. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    () =>
      listNotifications().then((r) => {
        setItems(r.items);
        setUnread(r.unread);
      }, setError),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const open = async (n: Notification) => {
    if (!n.readAt) await markNotificationRead(n.id).catch(() => undefined);
    const to = memberLink(n.link);
    if (to) navigate(to);
    else void load();
  };

  return (
    <div className="uhm-page">
      <NavBar
        backIcon={false}
        right={
          unread > 0 ? (
            <Button size="mini" fill="none" onClick={() => markAllNotificationsRead().then(load)}>
              {t('hall.readAll')}
            </Button>
          ) : null
        }
      >
        {t('hall.inbox')}
      </NavBar>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && <Empty description={t('hall.inboxEmpty')} />}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((n) => (
            <List.Item
              key={n.id}
              onClick={() => void open(n)}
              description={
                <>
                  <div>{n.body}</div>
                  <div className="uhm-muted">{new Date(n.createdAt).toLocaleString('zh-CN')}</div>
                </>
              }
              prefix={n.readAt ? <span className="uhm-dot-space" /> : <Badge content={Badge.dot} />}
            >
              {n.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
