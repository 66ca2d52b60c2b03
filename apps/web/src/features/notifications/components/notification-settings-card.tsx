import type { NotificationChannel, NotificationPreferences, NotificationTopic } from '@unionhub/contracts';
import { NotificationTopics } from '@unionhub/contracts';
import { App, Button, Card, Input, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { adminApi } from '../../../lib/api';
import { getNotificationPreferences, saveNotificationPreferences } from '../../service-hall/api';

/** 通知设置 on the staff profile: per topic, the channels available to the caller; the work e-mail. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    getNotificationPreferences(adminApi).then((p) => {
      setPrefs(p);
      setEmail(p.email ?? '');
    }, setError);
  }, []);

  const enabled = (topic: NotificationTopic, channel: NotificationChannel) =>
    prefs?.items.find((i) => i.topic === topic && i.channel === channel)?.enabled ?? false;

  const save = async (patch?: {
    topic: NotificationTopic;
    channel: NotificationChannel;
    enabled: boolean;
  }) => {
    if (!prefs) return;
    const items = NotificationTopics.flatMap((topic) =>
      prefs.available.map((channel) => ({
        topic,
        channel,
        enabled:
          patch && patch.topic === topic && patch.channel === channel
            ? patch.enabled
            : enabled(topic, channel),
      })),
    );
    setError(null);
    try {
      const saved = await saveNotificationPreferences({ items, email: email.trim() || null }, adminApi);
      setPrefs(saved);
      void message.success(t('hall.saved'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card title={t('hall.notificationSettings')} className="uh-profile-card">
      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
      {prefs && (
        <>
          {prefs.available.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('hall.noChannels')}</Typography.Paragraph>
          ) : null}
          <Table
            size="small"
            pagination={false}
            rowKey="topic"
            dataSource={NotificationTopics.map((topic) => ({ topic }))}
            columns={[
              {
                title: '',
                dataIndex: 'topic',
                render: (topic: NotificationTopic) => t(`hall.topics.${topic}`),
              },
              ...prefs.available.map((channel) => ({
                title: t(`hall.channels.${channel}`),
                key: channel,
                width: 100,
                render: (_: unknown, row: { topic: NotificationTopic }) => (
                  <Switch
                    size="small"
                    checked={enabled(row.topic, channel)}
                    onChange={(v) => void save({ topic: row.topic, channel, enabled: v })}
                  />
                ),
              })),
            ]}
          />
          <Space.Compact style={{ marginTop: 12, maxWidth: 420, width: '100%' }}>
            <Input
              addonBefore={t('hall.channels.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              maxLength={120}
            />
            <Button onClick={() => void save()}>{t('common.save')}</Button>
          </Space.Compact>
        </>
      )}
    </Card>
  );
}
