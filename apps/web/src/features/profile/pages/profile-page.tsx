import { UserOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { NotificationSettingsCard } from '../../notifications/components/notification-settings-card';
import { ChangePasswordForm } from '../components/change-password-form';
import { TotpCard } from '../components/totp-card';

export function ProfilePage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { user, org } = useMe();
  const empty = t('common.empty');

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <UserOutlined /> {t('profile.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('profile.basic')}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('profile.displayName')}>{user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('profile.username')}>{user.username ?? empty}</Descriptions.Item>
              <Descriptions.Item label={t('profile.org')}>
                {org ? (
                  <>
                    {org.name} <Tag className="uh-inline-tag">{t(`orgLevels.${org.level}`)}</Tag>
                  </>
                ) : (
                  t('adminShell.noOrg')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('profile.roles')}>
                {user.roles.length > 0
                  ? user.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>)
                  : empty}
              </Descriptions.Item>
              <Descriptions.Item label={t('profile.phone')}>{user.phoneMasked ?? empty}</Descriptions.Item>
              <Descriptions.Item label={t('profile.lastLogin')}>
                {formatDateTime(user.lastLoginAt, language) ?? empty}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordForm />
        </Col>
        <Col xs={24} xl={12}>
          <TotpCard />
        </Col>
        <Col xs={24}>
          <NotificationSettingsCard />
        </Col>
      </Row>
    </div>
  );
}
