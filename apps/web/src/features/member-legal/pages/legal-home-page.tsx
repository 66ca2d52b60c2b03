import { EditOutlined, FileSearchOutlined, MessageOutlined, TeamOutlined } from '@ant-design/icons';
import { NavBar } from 'antd-mobile';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const ENTRIES: {
  key: 'ask' | 'mine' | 'directory' | 'faq';
  path: string;
  icon: ComponentType;
  color: string;
}[] = [
  { key: 'ask', path: '/m/legal/ask', icon: EditOutlined, color: '#c8161d' },
  { key: 'mine', path: '/m/legal/consultations', icon: MessageOutlined, color: '#1677ff' },
  { key: 'directory', path: '/m/legal/lawyers', icon: TeamOutlined, color: '#722ed1' },
  { key: 'faq', path: '/m/legal/faq', icon: FileSearchOutlined, color: '#13a8a8' },
];

/** 法律咨询: ask a lawyer on duty, follow one's questions, the lawyers' directory and the FAQ. */
export function LegalHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m')}>{t('memberLegal.title')}</NavBar>
      <section className="uhm-card uhm-legal-banner">
        <h1 className="uhm-page-title">{t('memberLegal.title')}</h1>
        <p className="uhm-muted">{t('memberLegal.intro')}</p>
      </section>
      <ul className="uhm-legal-entries">
        {ENTRIES.map((e) => {
          const Icon = e.icon;
          return (
            <li key={e.key}>
              <button type="button" className="uhm-card uhm-legal-entry" onClick={() => navigate(e.path)}>
                <span className="uhm-legal-entry-icon" style={{ background: e.color }} aria-hidden="true">
                  <Icon />
                </span>
                <span className="uhm-legal-entry-text">
                  <span className="uhm-legal-entry-title">{t(`memberLegal.${e.key}`)}</span>
                  <span className="uhm-muted">{t(`memberLegal.${e.key}Text`)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
