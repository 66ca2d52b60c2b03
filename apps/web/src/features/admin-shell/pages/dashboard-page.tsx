import { ApartmentOutlined, RightOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';

export function DashboardPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const me = useMe();
  const { user, org } = me;
  const canReadOrgs = me.permissions.includes('org.read');

  // A merchant's counter account can only verify cards: it starts on that page.
  if (me.permissions.length === 1 && me.permissions[0] === 'card.verify')
    return <Navigate to="/admin/card-verify" replace />;
  // A lawyer or legal volunteer answers consultations and nothing else: the workspace is their home.
  if (me.permissions.length === 1 && me.permissions[0] === 'legal.answer')
    return <Navigate to="/admin/legal/workspace" replace />;

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Card className="uh-welcome">
        <div className="uh-welcome-head">
          <Avatar size={56} icon={<UserOutlined />} className="uh-welcome-avatar" />
          <div>
            <Typography.Title level={3} className="uh-welcome-title">
              {t('dashboard.welcome', { name: user.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('dashboard.welcomeText')}</Typography.Text>
          </div>
        </div>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} className="uh-welcome-facts">
          <Descriptions.Item label={t('dashboard.org')}>
            {org?.name ?? t('adminShell.noOrg')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.level')}>
            {org ? t(`orgLevels.${org.level}`) : t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.roles')}>
            {user.roles.length > 0
              ? user.roles.map((role) => (
                  <Tag
                    key={role}
                    color={role === 'org_admin' ? 'red' : role === 'staff' ? 'blue' : 'default'}
                  >
                    {t(`roles.${role}`)}
                  </Tag>
                ))
              : t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.lastLogin')}>
            {formatDateTime(user.lastLoginAt, language) ?? t('dashboard.never')}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {!user.totpEnabled && (
        <Alert
          type="warning"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('dashboard.securityTip')}
          action={<Link to="/admin/profile">{t('dashboard.securityAction')}</Link>}
        />
      )}

      <div>
        <Typography.Title level={5}>{t('dashboard.quickLinks')}</Typography.Title>
        <Row gutter={[16, 16]}>
          {canReadOrgs && (
            <Col xs={24} md={12}>
              <Link to="/admin/orgs">
                <Card hoverable className="uh-quick-link">
                  <ApartmentOutlined className="uh-quick-link-icon" />
                  <div className="uh-quick-link-text">
                    <div className="uh-quick-link-title">{t('adminShell.menu.orgs')}</div>
                    <Typography.Text type="secondary">{t('dashboard.orgsLink')}</Typography.Text>
                  </div>
                  <RightOutlined />
                </Card>
              </Link>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Link to="/admin/profile">
              <Card hoverable className="uh-quick-link">
                <UserOutlined className="uh-quick-link-icon" />
                <div className="uh-quick-link-text">
                  <div className="uh-quick-link-title">{t('adminShell.menu.profile')}</div>
                  <Typography.Text type="secondary">{t('dashboard.profileLink')}</Typography.Text>
                </div>
                <RightOutlined />
              </Card>
            </Link>
          </Col>
        </Row>
      </div>
    </Space>
  );
}
