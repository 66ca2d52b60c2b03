import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES, useLanguage } from '../lib/i18n';

/** Kept free of antd and antd-mobile so that the first page stays small. */
export function LandingPage() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <main className="uh-landing">
      <nav className="uh-landing-lang" aria-label={t('common.language')}>
        {LANGUAGES.map((lng) => (
          <button
            key={lng}
            type="button"
            className={lng === language ? 'is-active' : undefined}
            aria-pressed={lng === language}
            onClick={() => setLanguage(lng)}
          >
            {t(`common.languages.${lng}`)}
          </button>
        ))}
      </nav>
      <header className="uh-landing-head">
        <img src="/favicon.svg" alt="" width={64} height={64} />
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.subtitle')}</p>
      </header>
      <div className="uh-landing-entries">
        <Link to="/admin" className="uh-landing-entry">
          <span className="uh-landing-entry-icon">
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
              <path fill="currentColor" d="M3 4h18v12H3zm2 2v8h14V6zM8 18h8v2H8z" />
            </svg>
          </span>
          <span className="uh-landing-entry-title">{t('landing.adminTitle')}</span>
          <span className="uh-landing-entry-text">{t('landing.adminText')}</span>
          <span className="uh-landing-entry-go">{t('landing.enter')} →</span>
        </Link>
        <Link to="/m" className="uh-landing-entry">
          <span className="uh-landing-entry-icon">
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
              <path
                fill="currentColor"
                d="M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5zm4 14v1h2v-1z"
              />
            </svg>
          </span>
          <span className="uh-landing-entry-title">{t('landing.memberTitle')}</span>
          <span className="uh-landing-entry-text">{t('landing.memberText')}</span>
          <span className="uh-landing-entry-go">{t('landing.enter')} →</span>
        </Link>
      </div>
      <footer className="uh-landing-foot">{t('landing.footer')}</footer>
    </main>
  );
}
