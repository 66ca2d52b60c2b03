import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../lib/i18n';

/** Two languages only, so one tap switches to the other one. */
export function MobileLanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const other = language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      size="mini"
      fill="outline"
      shape="rounded"
      className="uhm-lang"
      onClick={() => setLanguage(other)}
    >
      {t(`common.languages.${other}`)}
    </Button>
  );
}
