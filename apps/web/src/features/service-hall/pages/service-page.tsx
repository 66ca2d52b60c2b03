import type { OfferedService } from '@unionhub/contracts';
import { Button, DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { getOfferedService } from '../api';

export function ServicePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [service, setService] = useState<OfferedService | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    getOfferedService(id).then(setService, setError);
  }, [id]);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>{service?.name ?? t('hall.title')}</NavBar>
      {!service && !error && <DotLoading />}
      {error ? <ErrorBlock status="default" title={describeError(error, t).message} description="" /> : null}
      {service && (
        <>
          <section className="uhm-card">
            <h1 className="uhm-page-title">{service.name}</h1>
            <p className="uhm-prewrap">{service.description || service.summary}</p>
          </section>
          <List className="uhm-card-list">
            <List.Item extra={service.orgName}>{t('hall.provider')}</List.Item>
            <List.Item
              description={[
                service.eligibility.categories?.length
                  ? t('hall.categoriesOnly', {
                      list: service.eligibility.categories
                        .map((c) => t(`members.categoryNames.${c}`))
                        .join('、'),
                    })
                  : t('hall.conditionsAll'),
                service.eligibility.note,
              ]
                .filter(Boolean)
                .join('；')}
            >
              {t('hall.conditions')}
            </List.Item>
            <List.Item
              description={t('hall.promiseText', {
                accept: service.acceptWithinDays,
                complete: service.completeWithinDays,
              })}
            >
              {t('hall.promise')}
            </List.Item>
            <List.Item
              description={
                service.attachments.length
                  ? service.attachments
                      .map((a) => `${a.label}${a.required ? '' : t('hall.optional')}`)
                      .join('、')
                  : t('hall.documentsNone')
              }
            >
              {t('hall.documents')}
            </List.Item>
          </List>
          <div className="uhm-page-actions">
            {!service.eligible && (
              <p className="uhm-ff-error">
                {t('hall.ineligible', { reason: service.ineligibleReason ?? '' })}
              </p>
            )}
            <Button
              block
              color="primary"
              size="large"
              disabled={!service.eligible}
              onClick={() => navigate(`/m/services/${service.id}/apply`)}
            >
              {t('hall.apply')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
