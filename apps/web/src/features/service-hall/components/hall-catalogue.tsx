import type { MemberCatalogue, OfferedService } from '@unionhub/contracts';
import { ServiceCategories } from '@unionhub/contracts';
import { DotLoading, List, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api';
import { getCatalogue } from '../api';

function ServiceItem({ service }: { service: OfferedService }) {
  const navigate = useNavigate();
  return (
    <List.Item
      onClick={() => navigate(`/m/services/${service.id}`)}
      description={service.summary}
      extra={service.eligible ? undefined : <Tag color="default">{service.ineligibleReason ?? ''}</Tag>}
    >
      {service.name}
    </List.Item>
  );
}

/** 服务大厅: the packages meant for this member first, then every offered service by category. */
export function HallCatalogue() {
  const { t } = useTranslation();
  const [catalogue, setCatalogue] = useState<MemberCatalogue | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'not-member' | 'error'>('loading');

  useEffect(() => {
    getCatalogue()
      .then((c) => {
        setCatalogue(c);
        setState('ready');
      })
      .catch((err) =>
        setState(isApiError(err) && (err.status === 403 || err.status === 404) ? 'not-member' : 'error'),
      );
  }, []);

  if (state === 'loading')
    return (
      <section className="uhm-card">
        <DotLoading />
      </section>
    );
  if (state !== 'ready' || !catalogue)
    return (
      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('hall.title')}</h2>
        <p className="uhm-muted">{state === 'not-member' ? t('hall.notMember') : t('common.loadFailed')}</p>
      </section>
    );

  const byCategory = ServiceCategories.map((c) => ({
    category: c,
    services: catalogue.services.filter((s) => s.category === c),
  })).filter((g) => g.services.length > 0);

  return (
    <>
      {catalogue.packages.map((pkg) => (
        <section key={pkg.id} className="uhm-card uhm-package" data-testid="hall-package">
          <div className="uhm-package-badge">{t('hall.recommended')}</div>
          <h2 className="uhm-card-title">{pkg.name}</h2>
          <p className="uhm-muted">{pkg.description}</p>
          <List>
            {pkg.services.map((s) => (
              <ServiceItem key={s.id} service={s} />
            ))}
          </List>
        </section>
      ))}
      <section className="uhm-card" data-testid="hall-services">
        <h2 className="uhm-card-title">{t('hall.title')}</h2>
        {byCategory.length === 0 && <p className="uhm-muted">{t('hall.emptyCatalogue')}</p>}
        {byCategory.map((group) => (
          <List key={group.category} header={t(`hall.categories.${group.category}`)}>
            {group.services.map((s) => (
              <ServiceItem key={s.id} service={s} />
            ))}
          </List>
        ))}
      </section>
    </>
  );
}
