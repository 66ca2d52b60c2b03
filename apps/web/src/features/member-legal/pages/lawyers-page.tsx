import type { ConsultationField, PublicProvider } from '@unionhub/contracts';
import { ConsultationFields } from '@unionhub/contracts';
import { DotLoading, Empty, NavBar, Selector, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listLawyers } from '../api';

/** Cities of the province for the region filter: the directory is mostly city-level. */
const REGIONS = [
  { value: '410100', label: '郑州' },
  { value: '410200', label: '开封' },
  { value: '410300', label: '洛阳' },
  { value: '410700', label: '新乡' },
];

/** 律师名录: the union's lawyers and volunteers, by field and region — never a phone number. */
export function LawyersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [field, setField] = useState<ConsultationField | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const [items, setItems] = useState<PublicProvider[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setItems(null);
    listLawyers({ ...(field ? { field } : {}), ...(region ? { regionCode: region } : {}) }).then(
      (r) => setItems(r.items),
      setError,
    );
  }, [field, region]);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/legal')}>{t('memberLegal.directory')}</NavBar>
      <section className="uhm-card">
        <Selector
          columns={3}
          options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
          value={field ? [field] : []}
          onChange={(v) => setField(v[0] as ConsultationField | undefined)}
        />
        <Selector
          className="uhm-legal-regions"
          columns={4}
          options={REGIONS}
          value={region ? [region] : []}
          onChange={(v) => setRegion(v[0])}
        />
      </section>
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {!items && !error && <DotLoading />}
      {items?.length === 0 && <Empty description={t('memberLegal.directoryEmpty')} />}
      <ul className="uhm-legal-lawyers">
        {items?.map((p) => (
          <li key={p.id} className="uhm-card uhm-legal-lawyer">
            <div className="uhm-legal-lawyer-head">
              <span className="uhm-legal-lawyer-name">{p.name}</span>
              <Tag color={p.kind === 'lawyer' ? 'primary' : 'success'}>
                {t(`legalConsult.kinds.${p.kind}`)}
              </Tag>
            </div>
            <div className="uhm-muted">
              {p.firm ?? p.orgName}
              {p.regionName ? ` · ${p.regionName}` : ''}
            </div>
            <div className="uhm-legal-lawyer-fields">
              {p.fields.map((f) => (
                <Tag key={f} fill="outline">
                  {t(`legalConsult.fields.${f}`)}
                </Tag>
              ))}
            </div>
            {p.languages.length > 0 && (
              <div className="uhm-muted">{t('memberLegal.languages', { list: p.languages.join('、') })}</div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
