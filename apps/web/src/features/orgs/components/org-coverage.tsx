import type { OrgCoverage } from '@unionhub/contracts';
import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { getOrgCoverage } from '../api';

/** 覆盖情况: how many enterprises registered in the subtree have a grassroots union. */
export function OrgCoverageCard({ orgId, version }: { orgId: number; version: number }) {
  const { t } = useTranslation();
  const [coverage, setCoverage] = useState<OrgCoverage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setCoverage(null);
    setError(null);
    void version;
    getOrgCoverage(orgId).then(
      (c) => live && setCoverage(c),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [orgId, version]);

  const percent =
    coverage && coverage.enterprises > 0 ? Math.round((coverage.covered / coverage.enterprises) * 100) : 0;
  return (
    <Card size="small" title={t('orgs.coverage.title')} loading={!coverage && !error} className="uh-coverage">
      {error ? (
        <ErrorAlert error={error} />
      ) : coverage ? (
        <Row gutter={16} align="middle">
          <Col xs={12} md={6}>
            <Statistic title={t('orgs.coverage.enterprises')} value={coverage.enterprises} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('orgs.coverage.covered')} value={coverage.covered} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('orgs.coverage.coveredEmployees')} value={coverage.coveredEmployees} />
          </Col>
          <Col xs={12} md={6}>
            <div className="uh-coverage-rate">{t('orgs.coverage.rate')}</div>
            {coverage.enterprises > 0 ? (
              <Progress type="circle" size={56} percent={percent} format={(p) => `${p}%`} />
            ) : (
              <span className="uh-coverage-none">{t('orgs.coverage.none')}</span>
            )}
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
