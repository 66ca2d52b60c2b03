import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="uh-landing uh-landing-simple">
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundText')}</p>
      <Link to="/" className="uh-landing-link">
        {t('common.backHome')}
      </Link>
    </main>
  );
}
