import type { Notification } from '@unionhub/contracts';
import { DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { listMyNotices, markMyNoticesRead } from '../api';

/** 消息: the member's inbox; opening it marks everything read, while the dots show what was new. */
export function MemberNoticesPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMyNotices().then((list) => {
      setItems(list);
      if (list.some((n) => n.readAt === null)) void markMyNoticesRead().catch(() => undefined);
    }, setError);
  }, []);

  return (
    <div className="uhm-join">
      <NavBar className="uhm-join-nav" onBack={() => navigate(-1)}>
        {t('memberNotices.title')}
      </NavBar>
      {error ? (
        <ErrorBlock
          status="default"
          title={t('common.loadFailed')}
          description={describeError(error, t).message}
        />
      ) : items === null ? (
        <div className="uhm-join-loading">
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t('memberNotices.none')}
          description={t('memberNotices.noneText')}
        />
      ) : (
        <List className="uhm-join-facts">
          {items.map((n) => (
            <List.Item key={n.id} {...(n.link ? { onClick: () => navigate(n.link!), arrowIcon: true } : {})}>
              <div className={`uhm-notice${n.readAt ? '' : ' is-unread'}`} data-testid="notice">
                <div className="uhm-notice-title">{n.title}</div>
                <div className="uhm-notice-text">{n.body}</div>
                <div className="uhm-notice-date">{formatDateTime(n.createdAt, language)}</div>
              </div>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
