import {
  BellOutlined,
  CreditCardOutlined,
  PhoneOutlined,
  RightOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Badge, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dateParts } from '../../../lib/dates';
import { useSession } from '../../../lib/session';
import { HallCatalogue } from '../../service-hall/components/hall-catalogue';
import { countUnreadNotices, loadMembership, type Membership } from '../api';
import { type MemberService, memberServices } from '../services';

/** 4101 0526 0000 0017: as printed on the card. */
const grouped = (cardNo: string) => cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');

/** The top of the home page: the card for a member, the application for an applicant, else 入会. */
function MembershipCard({
  membership,
  onOpen,
}: {
  membership: Membership | null;
  onOpen: (path: string) => void;
}) {
  const { t } = useTranslation();
  if (!membership) return null;
  if (membership.kind === 'member') {
    const { card } = membership;
    return (
      <button type="button" className="uhm-card uhm-home-member is-member" onClick={() => onOpen('/m/card')}>
        <span className="uhm-home-member-icon" aria-hidden="true">
          <CreditCardOutlined />
        </span>
        <span className="uhm-home-member-text">
          <span className="uhm-home-member-title">{t('memberHome.membership.memberTitle')}</span>
          <span className="uhm-home-member-sub">{card.orgName}</span>
          <span className="uhm-home-member-sub">{grouped(card.cardNo)}</span>
        </span>
        <span className="uhm-home-member-go">
          {t('memberHome.membership.showCard')} <RightOutlined />
        </span>
      </button>
    );
  }
  if (membership.kind === 'applied') {
    return (
      <button type="button" className="uhm-card uhm-home-member" onClick={() => onOpen('/m/join/status')}>
        <span className="uhm-home-member-icon" aria-hidden="true">
          <TeamOutlined />
        </span>
        <span className="uhm-home-member-text">
          <span className="uhm-home-member-title">{t('memberHome.membership.appliedTitle')}</span>
          <span className="uhm-home-member-sub">
            {t('memberJoin.status.pendingText', dateParts(membership.application.contactDeadline))}
          </span>
        </span>
        <span className="uhm-home-member-go">
          <RightOutlined />
        </span>
      </button>
    );
  }
  return (
    <button type="button" className="uhm-card uhm-home-member" onClick={() => onOpen('/m/join')}>
      <span className="uhm-home-member-icon" aria-hidden="true">
        <TeamOutlined />
      </span>
      <span className="uhm-home-member-text">
        <span className="uhm-home-member-title">{t('memberHome.membership.noneTitle')}</span>
        <span className="uhm-home-member-sub">{t('memberHome.membership.noneText')}</span>
      </span>
      <span className="uhm-home-member-go">
        {t('memberHome.membership.apply')} <RightOutlined />
      </span>
    </button>
  );
}

/** The national trade-union hotline for workers' rights, the same in every province. */
const HOTLINE = '12351';

export function MemberHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const name = me?.user.displayName;
  const [membership, setMembership] = useState<Membership | null>(null);
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let live = true;
    // Without an answer the page still offers every service; only the top card waits for it.
    loadMembership().then(
      (m) => live && setMembership(m),
      () => undefined,
    );
    countUnreadNotices().then(
      (n) => live && setUnread(n),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const services = memberServices.filter((s) => !(s.key === 'join' && membership?.kind === 'member'));

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
        <div className="uhm-home-top">
          <div className="uhm-home-title">{t('memberHome.title')}</div>
          <button
            type="button"
            className="uhm-home-bell"
            aria-label={
              unread > 0 ? t('memberHome.noticesUnread', { count: unread }) : t('memberHome.notices')
            }
            onClick={() => navigate('/m/messages')}
          >
            <Badge content={unread > 0 ? unread : null}>
              <BellOutlined />
            </Badge>
          </button>
        </div>
        <div className="uhm-home-greeting">
          {name ? t('memberHome.greeting', { name }) : t('memberHome.greetingAnonymous')}
        </div>
        <div className="uhm-home-banner">
          <div className="uhm-home-banner-title">{t('memberHome.banner')}</div>
          <div className="uhm-home-banner-text">{t('memberHome.bannerText')}</div>
        </div>
      </header>
      <MembershipCard membership={membership} onOpen={(path) => navigate(path)} />
      <section className={`uhm-card${membership ? ' uhm-card-next' : ''}`}>
        <h2 className="uhm-card-title">{t('memberHome.servicesTitle')}</h2>
        <ul className="uhm-services">
          {services.map((service) => {
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
