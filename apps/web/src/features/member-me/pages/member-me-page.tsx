import { UserOutlined } from '@ant-design/icons';
import { ActionSheet, Badge, Button, Dialog, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { memberApi } from '../../../lib/api';
import { LANGUAGES, useLanguage } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';

export function MemberMePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [language, setLanguage] = useLanguage();
  const [choosingLanguage, setChoosingLanguage] = useState(false);
  const user = session.me?.user;
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let live = true;
    memberApi.get<{ unread: number }>('/me/notifications?unread=true&pageSize=1').then(
      ({ unread }) => live && setUnread(unread),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const signOut = async () => {
    const confirmed = await Dialog.confirm({
      content: t('memberMe.signOutConfirm'),
      confirmText: t('memberMe.signOut'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    await session.signOut();
    navigate('/m/login', { replace: true });
  };

  return (
    <div className="uhm-me">
      <header className="uhm-me-head">
        <span className="uhm-me-avatar" aria-hidden="true">
          <UserOutlined />
        </span>
        <div>
          <div className="uhm-me-name">{user?.displayName}</div>
          <div className="uhm-me-sub">{t('memberMe.member')}</div>
        </div>
      </header>
      <List className="uhm-me-list">
        <List.Item
          onClick={() => navigate('/m/messages')}
          extra={unread > 0 ? <Badge content={unread} /> : null}
        >
          {t('memberMe.notices')}
        </List.Item>
        <List.Item onClick={() => navigate('/m/join/status')}>{t('memberMe.joinApplications')}</List.Item>
        <List.Item onClick={() => navigate('/m/transfers')}>{t('memberMe.transfers')}</List.Item>
      </List>
      <List className="uhm-me-list">
        <List.Item extra={user?.phoneMasked ?? t('common.empty')}>{t('memberMe.phone')}</List.Item>
        <List.Item onClick={() => navigate('/m/requests')}>{t('hall.myRequests')}</List.Item>
        <List.Item onClick={() => navigate('/m/lectures?tab=mine')}>
          {t('memberLectures.myLectures')}
        </List.Item>
        <List.Item onClick={() => navigate('/m/me/notifications')}>
          {t('hall.notificationSettings')}
        </List.Item>
        <List.Item extra={t(`common.languages.${language}`)} onClick={() => setChoosingLanguage(true)}>
          {t('memberMe.language')}
        </List.Item>
      </List>
      <div className="uhm-me-actions">
        <Button block size="large" shape="rounded" color="danger" fill="outline" onClick={signOut}>
          {t('memberMe.signOut')}
        </Button>
      </div>
      <ActionSheet
        visible={choosingLanguage}
        actions={LANGUAGES.map((lng) => ({
          key: lng,
          text: t(`common.languages.${lng}`),
          bold: lng === language,
          onClick: () => {
            setLanguage(lng);
            setChoosingLanguage(false);
          },
        }))}
        cancelText={t('common.cancel')}
        onClose={() => setChoosingLanguage(false)}
      />
    </div>
  );
}
