import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { HallCatalogue } from '../components/hall-catalogue';

export function HallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m')}>{t('hall.title')}</NavBar>
      <p className="uhm-muted uhm-page-lead">{t('hall.slogan')}</p>
      <HallCatalogue />
    </div>
  );
}
