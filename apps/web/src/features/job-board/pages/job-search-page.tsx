import { type JobCard, JobCategories, type JobCategory } from '@unionhub/contracts';
import { Button, DotLoading, Empty, NavBar, Picker, SearchBar, Tabs } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { findEmploymentHelp, listCities, searchJobs } from '../api';
import { JobCardItem } from '../job-card';

const PROVINCE = '410000';
const SALARIES = [3000, 5000, 8000, 10000];
const PAGE_SIZE = 20;
/** The last page the search API serves. */
const LAST_PAGE = 50;

/** 找工作: a Chinese keyword, area, category and pay; newest or best paid first; 20 at a time. */
export function JobSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const category = (params.get('category') ?? '') as JobCategory | '';
  const salary = Number(params.get('salary') ?? 0);
  const sort = params.get('sort') === 'salary' ? 'salary' : 'newest';
  const [text, setText] = useState(q);
  const [items, setItems] = useState<JobCard[] | null>(null);
  const [total, setTotal] = useState<{ n: number; capped: boolean } | null>(null);
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cities, setCities] = useState<{ code: string; name: string }[]>([]);
  const [picking, setPicking] = useState<'region' | 'category' | 'salary' | null>(null);
  const [help, setHelp] = useState<{ id: number; eligible: boolean } | null>(null);

  useEffect(() => {
    listCities(PROVINCE).then(
      (r) => setCities(r.items),
      () => setCities([]),
    );
    findEmploymentHelp().then(setHelp, () => setHelp(null));
  }, []);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const load = useCallback(
    (p: number) => {
      setError(null);
      searchJobs({
        ...(q ? { q } : {}),
        ...(region ? { region } : {}),
        ...(category ? { category } : {}),
        ...(salary ? { salary } : {}),
        sort,
        page: p,
        pageSize: PAGE_SIZE,
      }).then((r) => {
        setItems((old) => (p === 1 ? r.items : [...(old ?? []), ...r.items]));
        setTotal({ n: r.total, capped: r.totalCapped });
        // Past a capped total the pages go on (up to the API's last page) while they come back full.
        setMore(p < LAST_PAGE && r.items.length === PAGE_SIZE && (r.totalCapped || p * PAGE_SIZE < r.total));
        setPage(p);
      }, setError);
    },
    [q, region, category, salary, sort],
  );
  useEffect(() => {
    setItems(null);
    load(1);
  }, [load]);

  const regionName = cities.find((c) => c.code === region)?.name;

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m')}>{t('jobBoard.title')}</NavBar>
      <div className="uhm-jobs-head">
        <SearchBar
          placeholder={t('jobBoard.searchPlaceholder')}
          value={text}
          onChange={setText}
          onSearch={(v) => set('q', v.trim())}
          onClear={() => set('q', '')}
        />
      </div>
      <div className="uhm-jobs-filters">
        <button
          type="button"
          className={`uhm-jobs-filter${region ? ' is-set' : ''}`}
          onClick={() => setPicking('region')}
        >
          {regionName ?? t('jobBoard.allRegions')} ▾
        </button>
        <button
          type="button"
          className={`uhm-jobs-filter${category ? ' is-set' : ''}`}
          onClick={() => setPicking('category')}
        >
          {category ? t(`jobs.categories.${category}`) : t('jobBoard.allCategories')} ▾
        </button>
        <button
          type="button"
          className={`uhm-jobs-filter${salary ? ' is-set' : ''}`}
          onClick={() => setPicking('salary')}
        >
          {salary
            ? t('jobBoard.salaryAtLeast', { n: salary })
            : `${t('jobBoard.salary')}${t('jobBoard.anySalary')}`}{' '}
          ▾
        </button>
      </div>
      <div className="uhm-jobs-links">
        <button type="button" className="uhm-jobs-link" onClick={() => navigate('/m/job-applications')}>
          {t('jobBoard.myApplications')}
        </button>
        <button type="button" className="uhm-jobs-link" onClick={() => navigate('/m/job-fairs')}>
          {t('jobBoard.fairs')}
        </button>
      </div>
      {help && (
        <button type="button" className="uhm-jobs-help" onClick={() => navigate(`/m/services/${help.id}`)}>
          <strong>{t('jobBoard.help')}</strong>
          <span>{help.eligible ? t('jobBoard.helpText') : t('jobBoard.helpNotEligible')}</span>
        </button>
      )}
      <Tabs activeKey={sort} onChange={(k) => set('sort', k === 'salary' ? 'salary' : '')}>
        <Tabs.Tab title={t('jobBoard.newest')} key="newest" />
        <Tabs.Tab title={t('jobBoard.bestPaid')} key="salary" />
      </Tabs>
      {total && items && items.length > 0 && (
        <div className="uhm-jobs-total">
          {total.capped
            ? t('jobBoard.totalCapped', { total: total.n })
            : t('jobBoard.total', { total: total.n })}
        </div>
      )}
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && <Empty description={t('jobBoard.empty')} />}
      {items?.map((job) => (
        <JobCardItem key={job.id} job={job} onOpen={() => navigate(`/m/jobs/${job.id}`)} />
      ))}
      {items && more && (
        <div style={{ padding: '8px 12px 16px' }}>
          <Button block onClick={() => load(page + 1)}>
            {t('jobBoard.loadMore')}
          </Button>
        </div>
      )}
      <Picker
        visible={picking === 'region'}
        onClose={() => setPicking(null)}
        columns={[
          [
            { label: t('jobBoard.allRegions'), value: '' },
            ...cities.map((c) => ({ label: c.name, value: c.code })),
          ],
        ]}
        value={[region]}
        onConfirm={(v) => set('region', String(v[0] ?? ''))}
      />
      <Picker
        visible={picking === 'category'}
        onClose={() => setPicking(null)}
        columns={[
          [
            { label: t('jobBoard.allCategories'), value: '' },
            ...JobCategories.map((c) => ({ label: t(`jobs.categories.${c}`), value: c })),
          ],
        ]}
        value={[category]}
        onConfirm={(v) => set('category', String(v[0] ?? ''))}
      />
      <Picker
        visible={picking === 'salary'}
        onClose={() => setPicking(null)}
        columns={[
          [
            { label: t('jobBoard.anySalary'), value: '' },
            ...SALARIES.map((n) => ({ label: t('jobBoard.salaryAtLeast', { n }), value: String(n) })),
          ],
        ]}
        value={[salary ? String(salary) : '']}
        onConfirm={(v) => set('salary', String(v[0] ?? ''))}
      />
    </div>
  );
}
