import { PhoneOutlined } from '@ant-design/icons';
import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../lib/session';
import { HallCatalogue } from '../../service-hall/components/hall-catalogue';
import { type MemberService, memberServices } from '../services';

/** The national trade-union hotline for workers' rights, the same in every province. */
const HOTLINE = '12351';

export function MemberHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const name = me?.user.displayName;

  const open = (service: MemberService) => {
    if (service.path) {
      navigate(service.path);
      return;
    }
    Toast.show({
      content: t('memberHome.comingSoonToast', { name: t(`memberHome.services.${service.key}`) }),
    });
  };

  return (
    <div className="uhm-home">
      <header className="uhm-home-head">
        <div className="uhm-home-title">{t('memberHome.title')}</div>
        <div className="uhm-home-greeting">
          {name ? t('memberHome.greeting', { name }) : t('memberHome.greetingAnonymous')}
        </div>
        <div className="uhm-home-banner">
          <div className="uhm-home-banner-title">{t('memberHome.banner')}</div>
          <div className="uhm-home-banner-text">{t('memberHome.bannerText')}</div>
        </div>
      </header>
      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('memberHome.servicesTitle')}</h2>
        <ul className="uhm-services">
          {memberServices.map((service) => {
            const Icon = service.icon;
            const label = t(`memberHome.services.${service.key}`);
            return (
              <li key={service.key}>
                <button type="button" className="uhm-service" onClick={() => open(service)}>
                  <span className="uhm-service-icon" style={{ background: service.color }} aria-hidden="true">
                    <Icon />
                  </span>
                  <span className="uhm-service-label">{label}</span>
                  {!service.path && <span className="uhm-service-soon">{t('memberHome.comingSoon')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <HallCatalogue />
      <a className="uhm-card uhm-hotline" href={`tel:${HOTLINE}`}>
        <span className="uhm-hotline-icon" aria-hidden="true">
          <PhoneOutlined />
        </span>
        <span className="uhm-hotline-text">
          <span className="uhm-hotline-title">{t('memberHome.hotline')}</span>
          <span className="uhm-hotline-sub">{t('memberHome.hotlineText')}</span>
        </span>
        <span className="uhm-hotline-number">{HOTLINE}</span>
      </a>
    </div>
  );
}
