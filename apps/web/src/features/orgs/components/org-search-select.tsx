import type { OrgLevel, OrgSearchHit } from '@unionhub/contracts';
import { Select, Typography } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchOrgs } from '../api';

/** 河南省总工会 / 郑州市总工会 / 金水区总工会 — where a union sits, down to its parent. */
export function ancestorPath(hit: Pick<OrgSearchHit, 'ancestors'>): string {
  return hit.ancestors.map((a) => a.name).join(' / ');
}

/** Search results as the text is typed, a quarter second after the last key. */
export function useOrgSearch(text: string, level?: OrgLevel) {
  const [hits, setHits] = useState<OrgSearchHit[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const request = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const id = ++request.current;
    if (!q) {
      setHits([]);
      setTotal(0);
      setLoading(false);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      searchOrgs({ q, pageSize: 20, ...(level ? { level } : {}) }).then(
        (result) => {
          if (id !== request.current) return;
          setHits(result.items.filter((h) => h.status === 'active'));
          setTotal(result.total);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (id !== request.current) return;
          setError(err);
          setLoading(false);
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [text, level]);

  return { hits, total, loading, error };
}

export function OrgHitLabel({ hit }: { hit: OrgSearchHit }) {
  const { t } = useTranslation();
  const path = ancestorPath(hit);
  return (
    <div className="uh-org-hit">
      <div>
        {hit.name} <Typography.Text type="secondary">· {t(`orgLevels.${hit.level}`)}</Typography.Text>
      </div>
      {path ? (
        <Typography.Text type="secondary" className="uh-org-hit-path">
          {path}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/**
 * Chooses a union by typing part of its name or its pinyin initials; each option shows where the
 * union sits so that two 城关镇工会 can be told apart. `level` narrows the choice (members join
 * grassroots unions only).
 */
export function OrgSearchSelect({
  value,
  onChange,
  level,
  exclude,
  placeholder,
  allowClear,
  style,
  id,
}: {
  value?: number;
  onChange?: (value: number | undefined, hit?: OrgSearchHit) => void;
  level?: OrgLevel;
  exclude?: (hit: OrgSearchHit) => boolean;
  placeholder?: string;
  /** A filter may be emptied again; a required field may not. */
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { hits, loading } = useOrgSearch(text, level);
  const [chosen, setChosen] = useState<OrgSearchHit | null>(null);
  const shown = hits.filter((h) => !exclude?.(h));
  const options = (chosen && !shown.some((h) => h.id === chosen.id) ? [chosen, ...shown] : shown).map(
    (hit) => ({ value: hit.id, label: <OrgHitLabel hit={hit} />, hit, title: hit.name }),
  );

  return (
    <Select<number, (typeof options)[number]>
      id={id}
      value={value}
      allowClear={allowClear}
      style={style}
      onClear={() => {
        setChosen(null);
        onChange?.(undefined);
      }}
      onChange={(v, option) => {
        const hit = (Array.isArray(option) ? option[0] : option)?.hit;
        if (!hit) return;
        setChosen(hit);
        onChange?.(v, hit);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      optionLabelProp="title"
      loading={loading}
      options={options}
      placeholder={placeholder ?? t('orgs.searchPlaceholder')}
      notFoundContent={
        text.trim() ? (loading ? t('common.loading') : t('orgs.searchNone')) : t('orgs.searchHint')
      }
    />
  );
}
