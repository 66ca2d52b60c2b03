import type { FaqEntry } from '@unionhub/contracts';
import { Button, Collapse, DotLoading, Empty, NavBar, SearchBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { searchFaq } from '../api';

/** 常见问题: published questions and answers, searched as one types (Chinese substring). */
export function FaqPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<FaqEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      searchFaq(q.trim() ? { q: q.trim() } : {}).then(
        (r) => live && setItems(r.items),
        (err) => live && setError(err),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/legal')}>{t('memberLegal.faq')}</NavBar>
      <div className="uhm-legal-search">
        <SearchBar placeholder={t('memberLegal.faqSearch')} value={q} onChange={setQ} />
      </div>
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {!items && !error && <DotLoading />}
      {items?.length === 0 && <Empty description={t('memberLegal.faqEmpty')} />}
      {items && items.length > 0 && (
        <Collapse className="uhm-card uhm-legal-faq" accordion>
          {items.map((f) => (
            <Collapse.Panel key={String(f.id)} title={f.question}>
              <Tag fill="outline">{t(`legalConsult.fields.${f.field}`)}</Tag>{' '}
              <span className="uhm-muted">{t('memberLegal.faqAskedBy', { name: f.askedBy })}</span>
              <h3 className="uhm-card-subtitle">{t('memberLegal.faqAnswer')}</h3>
              <div className="uhm-prewrap">{f.answer}</div>
            </Collapse.Panel>
          ))}
        </Collapse>
      )}
      <div className="uhm-page-actions">
        <Button block color="primary" fill="outline" onClick={() => navigate('/m/legal/ask')}>
          {t('memberLegal.faqAskNow')}
        </Button>
      </div>
    </div>
  );
}
