import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportJob, ImportJobSummary, ImportMode } from '@unionhub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Progress,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import type { DownloadedFile } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import {
  commitImport,
  downloadErrorReport,
  downloadTemplate,
  getImport,
  listImports,
  RUNNING,
  uploadRoster,
} from '../api';

const statusColors: Record<ImportJob['status'], string> = {
  queued: 'default',
  validating: 'processing',
  validated: 'blue',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  cancelled: 'default',
};

function save(file: DownloadedFile, fallback: string): string {
  const name = file.filename ?? fallback;
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
  return name;
}

/** "2026-11-24 19:30" in China time. */
const chinaMinute = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 会员批量导入: choose the union, upload a roster, watch it being checked, read the errors (and
 * download them), then commit with a clear choice of what happens to bad rows.
 */
export function MemberImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<ImportJobSummary[]>([]);

  const loadHistory = useCallback(() => {
    if (!orgId) {
      setHistory([]);
      return;
    }
    listImports(orgId).then((r) => setHistory(r.items), setError);
  }, [orgId]);
  useEffect(loadHistory, [loadHistory]);

  // Poll while the job works; the history follows once it settles.
  const running = job ? RUNNING.includes(job.status) : false;
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      getImport(job.id).then(setJob, setError);
    }, 600);
    return () => clearTimeout(timer);
  }, [job, running]);
  // Each settled state shows in the history too.
  const settled = job && !running ? `${job.id}:${job.status}` : null;
  useEffect(() => {
    if (settled) loadHistory();
  }, [settled, loadHistory]);

  const fail = (err: unknown) => {
    setError(err);
    void message.error({ content: describeError(err, t).message, duration: 8 });
  };

  const check = async () => {
    if (!orgId) return void message.warning(t('imports.orgRequired'));
    if (!file) return void message.warning(t('imports.fileRequired'));
    setBusy(true);
    setError(null);
    try {
      const { id } = await uploadRoster({ file, orgId, dryRun: true });
      setJob(await getImport(id));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!job) return;
    setBusy(true);
    setError(null);
    try {
      await commitImport(job.id, mode);
      setJob(await getImport(job.id));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const download = async (get: () => Promise<DownloadedFile>, fallback: string) => {
    try {
      const name = save(await get(), fallback);
      void message.success(t('imports.reportDownloaded', { name }));
    } catch (err) {
      fail(err);
    }
  };

  const toImport = job ? (mode === 'skip_invalid' || job.invalid === 0 ? job.valid : 0) : 0;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <UploadOutlined /> {t('imports.title')}
      </Typography.Title>
      <Link to="/admin/members">
        <ArrowLeftOutlined /> {t('imports.back')}
      </Link>
      <Card title={t('imports.stepUpload')} className="uh-block-alert" style={{ marginTop: 12 }}>
        <Form layout="vertical">
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item label={t('imports.org')} extra={t('imports.orgHint')} required>
                <OrgSearchSelect
                  id="import-org"
                  value={orgId}
                  onChange={(v) => {
                    setOrgId(v);
                    setJob(null);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('imports.template')}>
                <Space>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      void download(() => downloadTemplate('xlsx'), 'member-import-template.xlsx')
                    }
                  >
                    {t('imports.templateXlsx')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() => void download(() => downloadTemplate('csv'), 'member-import-template.csv')}
                  >
                    {t('imports.templateCsv')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={
              file
                ? [{ uid: 'roster', name: file.name, status: 'done', size: file.size, type: file.type }]
                : []
            }
            beforeUpload={(f) => {
              setFile(f);
              setJob(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setJob(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dragTitle')}</p>
            <p className="ant-upload-hint">{t('imports.dragHint')}</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={busy && !job} onClick={() => void check()}>
              {t('imports.check')}
            </Button>
            <Typography.Text type="secondary">{t('imports.checkHint')}</Typography.Text>
          </Space>
        </Form>
      </Card>

      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}

      {job ? (
        <Card title={`${t('imports.result')} · ${job.filename}`} style={{ marginTop: 16 }}>
          {running ? (
            <div data-testid="import-progress">
              <Progress
                percent={job.status === 'committing' ? 100 : job.progress}
                status="active"
                showInfo={job.status !== 'committing'}
              />
              <Typography.Text type="secondary">
                {t(`imports.running.${job.status as 'queued' | 'validating' | 'committing'}`, {
                  processed: job.processed.toLocaleString('zh-CN'),
                })}
              </Typography.Text>
            </div>
          ) : (
            <>
              <Row gutter={16} data-testid="import-summary">
                <Col xs={12} md={6}>
                  <Statistic title={t('imports.total')} value={job.total} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={job.status === 'committed' ? t('imports.imported') : t('imports.valid')}
                    value={job.status === 'committed' ? job.imported : job.valid}
                    styles={{ content: { color: '#389e0d' } }}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('imports.invalid')}
                    value={job.invalid}
                    styles={job.invalid ? { content: { color: '#cf1322' } } : {}}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('imports.alreadyRegistered')} value={job.alreadyRegistered} />
                </Col>
              </Row>
              {job.failure && job.status !== 'validated' ? (
                <Alert type="error" showIcon style={{ marginTop: 16 }} title={job.failure.message} />
              ) : null}
              {job.status === 'committed' ? (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginTop: 16 }}
                  title={
                    t('imports.committed', { count: job.imported }) +
                    (job.alreadyRegistered
                      ? t('imports.committedSkipped', { count: job.alreadyRegistered })
                      : '')
                  }
                  action={<Link to="/admin/members">{t('imports.viewMembers')}</Link>}
                />
              ) : null}
              {job.errors.length ? (
                <>
                  <Space
                    style={{ marginTop: 16, marginBottom: 8, justifyContent: 'space-between', width: '100%' }}
                  >
                    <Typography.Text strong>
                      {t('imports.errorsTitle', { count: job.errors.length })}
                    </Typography.Text>
                    <Button
                      icon={<DownloadOutlined />}
                      onClick={() =>
                        void download(() => downloadErrorReport(job.id), `import-${job.id}-errors.xlsx`)
                      }
                    >
                      {t('imports.downloadReport')}
                    </Button>
                  </Space>
                  <Table
                    size="small"
                    rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                    dataSource={job.errors}
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    columns={[
                      { title: t('imports.row'), dataIndex: 'row', width: 80 },
                      { title: t('imports.column'), dataIndex: 'column', width: 160 },
                      { title: t('imports.message'), dataIndex: 'message' },
                    ]}
                  />
                </>
              ) : job.status === 'validated' ? (
                <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('imports.noErrors')} />
              ) : null}
              {job.status === 'validated' ? (
                <div style={{ marginTop: 16 }}>
                  {job.invalid > 0 ? (
                    <Form.Item label={t('imports.modeTitle')} style={{ marginBottom: 12 }}>
                      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
                        <Radio value="all_or_nothing">{t('imports.modes.all_or_nothing')}</Radio>
                        <Radio value="skip_invalid">{t('imports.modes.skip_invalid')}</Radio>
                      </Radio.Group>
                    </Form.Item>
                  ) : null}
                  {job.invalid > 0 && mode === 'all_or_nothing' ? (
                    <Alert type="warning" showIcon title={t('imports.fixAndRetry')} />
                  ) : job.valid === 0 ? (
                    <Alert type="info" showIcon title={t('imports.nothingToImport')} />
                  ) : (
                    <Button type="primary" loading={busy} onClick={() => void commit()}>
                      {t('imports.commit', { count: toImport })}
                    </Button>
                  )}
                </div>
              ) : null}
            </>
          )}
        </Card>
      ) : null}

      {orgId ? (
        <Card title={t('imports.history')} style={{ marginTop: 16 }}>
          <Table<ImportJobSummary>
            size="small"
            rowKey="id"
            dataSource={history}
            pagination={false}
            locale={{ emptyText: t('imports.historyEmpty') }}
            onRow={(r) => ({
              onClick: () => void getImport(r.id).then(setJob, setError),
              className: 'uh-clickable-row',
            })}
            columns={[
              { title: t('imports.startedAt'), dataIndex: 'createdAt', width: 150, render: chinaMinute },
              { title: t('imports.filename'), dataIndex: 'filename', ellipsis: true },
              {
                title: t('imports.status'),
                dataIndex: 'status',
                width: 120,
                render: (s: ImportJob['status'], r) => (
                  <Space size={4}>
                    <Tag color={statusColors[s]}>{t(`imports.statuses.${s}`)}</Tag>
                    {r.dryRun && s === 'validated' ? <Tag>{t('imports.dryRun')}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('imports.total'), dataIndex: 'total', width: 80 },
              { title: t('imports.imported'), dataIndex: 'imported', width: 80 },
              { title: t('imports.invalid'), dataIndex: 'invalid', width: 80 },
              { title: t('imports.createdBy'), dataIndex: 'createdBy', width: 120 },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
