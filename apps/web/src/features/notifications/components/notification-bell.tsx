import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@unionhub/contracts';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { adminApi } from '../../../lib/api';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../../service-hall/api';

/** The staff inbox in the header: unread count, the latest notices, a click marks one read and opens it
 * (the panel closes when the notice leads to a page). */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    listNotifications(adminApi).then(
      (r) => {
        setItems(r.items.slice(0, 8));
        setUnread(r.unread);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 60_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const openNotice = async (n: Notification) => {
    if (!n.readAt) await markNotificationRead(n.id, adminApi).catch(() => undefined);
    load();
    if (n.link?.startsWith('/admin')) {
      setOpen(false);
      navigate(n.link);
    }
  };

  const panel = (
    <div className="uh-bell-panel">
      <div className="uh-bell-head">
        <Typography.Text strong>{t('hall.inbox')}</Typography.Text>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => markAllNotificationsRead(adminApi).then(load)}>
            {t('hall.readAll')}
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hall.inboxEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'uh-bell-item' : 'uh-bell-item uh-bell-unread'}
              onClick={() => void openNotice(n)}
            >
              <List.Item.Meta
                title={n.title}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">
                      {new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Dropdown
      popupRender={() => panel}
      trigger={['click']}
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) load();
      }}
    >
      <Button type="text" aria-label={t('hall.inbox')} data-testid="notification-bell">
        <Badge count={unread} size="small">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
