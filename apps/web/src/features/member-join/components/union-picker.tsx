import type { Region, UnionChoice } from '@unionhub/contracts';
import { normalizeCreditCode } from '@unionhub/contracts';
import { Button, DotLoading, ErrorBlock, List, SearchBar, Tabs } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { findUnions, listChildRegions } from '../api';

/** The platform serves one provincial federation; the region drill-down starts at its province. */
const HOME_PROVINCE = '410000';

type Lookup =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; items: UnionChoice[] }
  | { status: 'error'; error: unknown };

function UnionList({
  lookup,
  emptyText,
  onPick,
}: {
  lookup: Lookup;
  emptyText: string;
  onPick: (union: UnionChoice) => void;
}) {
  const { t } = useTranslation();
  if (lookup.status === 'idle') return null;
  if (lookup.status === 'loading')
    return (
      <div className="uhm-join-loading">
        <DotLoading color="primary" />
      </div>
    );
  if (lookup.status === 'error')
    return <div className="uhm-join-error">{describeError(lookup.error, t).message}</div>;
  if (lookup.items.length === 0) return <ErrorBlock status="empty" title={emptyText} description="" />;
  return (
    <List className="uhm-join-unions">
      {lookup.items.map((u) => (
        <List.Item key={u.id} description={u.address ?? undefined} onClick={() => onPick(u)} arrowIcon>
          {u.name}
        </List.Item>
      ))}
    </List>
  );
}

function useLookup() {
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const seq = useRef(0);
  const run = (query: Parameters<typeof findUnions>[0] | null) => {
    const id = ++seq.current;
    if (!query) {
      setLookup({ status: 'idle' });
      return;
    }
    setLookup({ status: 'loading' });
    findUnions(query).then(
      (items) => id === seq.current && setLookup({ status: 'done', items }),
      (error: unknown) => id === seq.current && setLookup({ status: 'error', error }),
    );
  };
  return [lookup, run] as const;
}

function ByName({ onPick }: { onPick: (union: UnionChoice) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [lookup, run] = useLookup();
  // biome-ignore lint/correctness/useExhaustiveDependencies: run changes identity every render; the text drives the search
  useEffect(() => {
    const q = text.trim();
    const timer = setTimeout(() => run(q ? { q } : null), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <>
      <SearchBar placeholder={t('memberJoin.searchPlaceholder')} value={text} onChange={setText} />
      <UnionList lookup={lookup} emptyText={t('memberJoin.noUnion')} onPick={onPick} />
    </>
  );
}

function ByCreditCode({ creditCode, onPick }: { creditCode: string; onPick: (union: UnionChoice) => void }) {
  const { t } = useTranslation();
  const [lookup, run] = useLookup();
  const code = normalizeCreditCode(creditCode);
  return (
    <>
      <p className="uhm-join-hint">
        {code ? t('memberJoin.findByCreditCode') : t('memberJoin.creditCodeFirst')}
      </p>
      {code ? (
        <Button block color="primary" fill="outline" onClick={() => run({ creditCode: code })}>
          {t('memberJoin.findByCreditCodeAction')}
        </Button>
      ) : null}
      <UnionList lookup={lookup} emptyText={t('memberJoin.noUnionByCode')} onPick={onPick} />
    </>
  );
}

function ByRegion({ onPick }: { onPick: (union: UnionChoice) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<Region[]>([]);
  const [children, setChildren] = useState<Region[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lookup, run] = useLookup();
  const current = path.at(-1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: run changes identity every render; the chosen region drives the lookup
  useEffect(() => {
    let live = true;
    setError(null);
    if (current?.level === 'county') {
      setChildren(null);
      run({ regionCode: current.code });
      return;
    }
    run(null);
    setChildren(null);
    listChildRegions(current?.code ?? HOME_PROVINCE).then(
      (items) => live && setChildren(items),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [current]);

  return (
    <>
      <div className="uhm-join-crumbs">
        <span>{[t('memberJoin.regionRoot'), ...path.map((r) => r.name)].join(' / ')}</span>
        {path.length > 0 ? (
          <Button size="mini" fill="none" color="primary" onClick={() => setPath((p) => p.slice(0, -1))}>
            {t('memberJoin.regionBack')}
          </Button>
        ) : null}
      </div>
      {error ? <div className="uhm-join-error">{describeError(error, t).message}</div> : null}
      {current?.level === 'county' ? (
        <UnionList lookup={lookup} emptyText={t('memberJoin.noUnion')} onPick={onPick} />
      ) : children === null ? (
        error ? null : (
          <div className="uhm-join-loading">
            <DotLoading color="primary" />
          </div>
        )
      ) : (
        <List className="uhm-join-regions" header={t('memberJoin.regionPick')}>
          {children.map((r) => (
            <List.Item key={r.code} onClick={() => setPath((p) => [...p, r])} arrowIcon>
              {r.name}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Find the union to join three ways: by the employer's credit code, by name or pinyin, by region. */
export function UnionPicker({
  creditCode,
  onPick,
}: {
  creditCode: string;
  onPick: (union: UnionChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs defaultActiveKey="name" className="uhm-join-tabs">
      <Tabs.Tab title={t('memberJoin.findBy.name')} key="name">
        <ByName onPick={onPick} />
      </Tabs.Tab>
      <Tabs.Tab title={t('memberJoin.findBy.creditCode')} key="creditCode">
        <ByCreditCode creditCode={creditCode} onPick={onPick} />
      </Tabs.Tab>
      <Tabs.Tab title={t('memberJoin.findBy.region')} key="region">
        <ByRegion onPick={onPick} />
      </Tabs.Tab>
    </Tabs>
  );
}
