import { SearchOutlined } from '@ant-design/icons';
import type { OrgSearchHit } from '@unionhub/contracts';
import { Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { OrgHitLabel, useOrgSearch } from './org-search-select';

/** The search above the tree: name or pinyin initials; choosing a result reveals it in the tree. */
export function OrgSearchBox({ onPick }: { onPick: (hit: OrgSearchHit) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { hits, total, loading, error } = useOrgSearch(text);
  const open = text.trim().length > 0;

  return (
    <div className="uh-org-search">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orgs.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('orgs.searchPlaceholder')}
      />
      {open ? (
        <div className="uh-org-search-results">
          {error ? <ErrorAlert error={error} /> : null}
          {loading && hits.length === 0 ? (
            <div className="uh-org-search-status">
              <Spin size="small" />
            </div>
          ) : hits.length === 0 && !error ? (
            <div className="uh-org-search-status">
              <Typography.Text type="secondary">{t('orgs.searchNone')}</Typography.Text>
            </div>
          ) : (
            <ul className="uh-org-search-list">
              {hits.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    className="uh-org-search-item"
                    onClick={() => {
                      onPick(hit);
                      setText('');
                    }}
                  >
                    <OrgHitLabel hit={hit} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {total > hits.length ? (
            <Typography.Text type="secondary">{t('orgs.searchMore', { total })}</Typography.Text>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
