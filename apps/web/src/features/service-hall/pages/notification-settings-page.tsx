import type { NotificationPreferences, NotificationTopic } from '@unionhub/contracts';
import { NotificationTopics } from '@unionhub/contracts';
import { DotLoading, List, NavBar, Switch, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { getNotificationPreferences, saveNotificationPreferences } from '../api';

/** 通知设置: which notices also come by text message (the in-app inbox always keeps them). */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);

  useEffect(() => {
    getNotificationPreferences().then(setPrefs, (e) => Toast.show({ content: describeError(e, t).message }));
  }, [t]);

  const enabled = (topic: NotificationTopic) =>
    prefs?.items.find((i) => i.topic === topic && i.channel === 'sms')?.enabled ?? false;

  const toggle = async (topic: NotificationTopic, value: boolean) => {
    if (!prefs) return;
    const items = NotificationTopics.map((tp) => ({
      topic: tp,
      channel: 'sms' as const,
      enabled: tp === topic ? value : enabled(tp),
    }));
    try {
      setPrefs(await saveNotificationPreferences({ items }));
      Toast.show({ icon: 'success', content: t('hall.saved') });
    } catch (e) {
      Toast.show({ content: describeError(e, t).message });
    }
  };

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/me')}>{t('hall.notificationSettings')}</NavBar>
      {!prefs && <DotLoading />}
      {prefs && (
        <List header={t('hall.smsFor')} className="uhm-card-list">
          {NotificationTopics.map((topic) => (
            <List.Item
              key={topic}
              extra={<Switch checked={enabled(topic)} onChange={(v) => void toggle(topic, v)} />}
            >
              {t(`hall.topics.${topic}`)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
