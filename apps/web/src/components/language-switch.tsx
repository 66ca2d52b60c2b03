import { CheckOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, useLanguage } from '../lib/i18n';

/** The admin console's language menu; the choice is remembered in this browser. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [language],
        items: LANGUAGES.map((lng) => ({
          key: lng,
          label: t(`common.languages.${lng}`),
          icon: lng === language ? <CheckOutlined /> : <span className="uh-menu-icon-placeholder" />,
        })),
        onClick: ({ key }) => {
          if (isLanguage(key)) setLanguage(key);
        },
      }}
    >
      <Button type={type} icon={<GlobalOutlined />} aria-label={t('common.language')}>
        {t(`common.languages.${language}`)}
      </Button>
    </Dropdown>
  );
}
