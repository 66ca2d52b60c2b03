import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { Org, OrgSearchHit } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { type Key, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { DissolveOrgModal, MoveOrgModal } from '../components/org-actions';
import { OrgCoverageCard } from '../components/org-coverage';
import { OrgDetail } from '../components/org-detail';
import { OrgFormModal } from '../components/org-form-modal';
import { OrgSearchBox } from '../components/org-search-box';
import { useOrgTree } from '../hooks/use-org-tree';

const levelColors: Record<Org['level'], string> = {
  national: 'red',
  province: 'volcano',
  city: 'orange',
  county: 'gold',
  township: 'cyan',
  grassroots: 'blue',
};

export function OrgTreePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const tree = useOrgTree(me.org?.id ?? null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<Key[] | null>(null);
  const [loadedKeys, setLoadedKeys] = useState<Key[]>([]);
  const [dialog, setDialog] = useState<'create' | 'edit' | 'move' | 'dissolve' | null>(null);
  const [version, setVersion] = useState(0);
  const treeRef = useRef<{ scrollTo: (options: { key: Key; align?: 'top' | 'bottom' | 'auto' }) => void }>(
    null,
  );
  // A union chosen by search or just created may sit far down a long list: bring it into view.
  const [scrollTarget, setScrollTarget] = useState<number | null>(null);
  useEffect(() => {
    if (scrollTarget === null || !tree.orgs.has(scrollTarget)) return;
    const timer = setTimeout(
      () => treeRef.current?.scrollTo({ key: String(scrollTarget), align: 'auto' }),
      50,
    );
    return () => clearTimeout(timer);
  }, [scrollTarget, tree.orgs]);

  const treeData = useMemo(() => {
    const build = (org: Org): TreeDataNode => {
      const childIds = tree.children.get(org.id);
      return {
        key: String(org.id),
        isLeaf: org.childCount === 0,
        title: (
          <span className="uh-org-node">
            <span className="uh-org-node-name">{org.name}</span>
            <Tag color={levelColors[org.level]} className="uh-org-node-tag">
              {t(`orgLevels.${org.level}`)}
            </Tag>
          </span>
        ),
        children: childIds?.flatMap((id) => {
          const child = tree.orgs.get(id);
          return child ? [build(child)] : [];
        }),
      };
    };
    return tree.root ? [build(tree.root)] : [];
  }, [tree.root, tree.orgs, tree.children, t]);

  if (!me.org) {
    return (
      <Card title={t('orgs.title')}>
        <Empty description={t('orgs.noOrg')} />
      </Card>
    );
  }

  if (tree.rootError) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={describeError(tree.rootError, t).message}
        extra={
          <Button type="primary" onClick={tree.retryRoot}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  const rootKey = String(me.org.id);
  const expanded = expandedKeys ?? [rootKey];
  const selected = tree.orgs.get(selectedId ?? me.org.id) ?? null;
  const parent = selected?.parentId ? (tree.orgs.get(selected.parentId) ?? null) : null;

  const loadData = async (node: { key: Key }) => {
    try {
      await tree.loadChildren(Number(node.key));
      setLoadedKeys((keys) => [...keys, node.key]);
    } catch (error) {
      // Folding the node again lets the user retry by opening it once more.
      setExpandedKeys((keys) => (keys ?? [rootKey]).filter((k) => k !== node.key));
      void message.error(`${t('orgs.loadChildrenFailed')}：${describeError(error, t).message}`);
    }
  };

  /** Opens every ancestor of a search hit, fetching the levels not yet loaded, then selects it. */
  const reveal = async (hit: OrgSearchHit) => {
    const path = hit.ancestors.map((a) => a.id);
    try {
      for (const id of path) {
        if (!tree.children.has(id)) await tree.loadChildren(id);
      }
      const keys = path.map(String);
      setLoadedKeys((prev) => [...new Set([...prev, ...keys])]);
      setExpandedKeys((prev) => [...new Set([...(prev ?? [rootKey]), ...keys])]);
      setSelectedId(hit.id);
      setScrollTarget(hit.id);
    } catch (error) {
      void message.error(`${t('orgs.loadChildrenFailed')}：${describeError(error, t).message}`);
    }
  };

  const refreshAfter = async (ids: (number | null | undefined)[], select?: number) => {
    setDialog(null);
    setVersion((v) => v + 1);
    for (const id of new Set(ids)) {
      if (id != null && tree.orgs.has(id)) await tree.reloadOrg(id).catch(() => undefined);
    }
    for (const id of ids) if (id != null) setLoadedKeys((prev) => [...new Set([...prev, String(id)])]);
    const parentKey = ids[0];
    if (parentKey != null)
      setExpandedKeys((prev) => [...new Set([...(prev ?? [rootKey]), String(parentKey)])]);
    if (select) {
      setSelectedId(select);
      setScrollTarget(select);
    }
  };

  const canWrite = me.permissions.includes('org.write');
  const active = selected?.status === 'active';
  const actions =
    canWrite && selected && active ? (
      <Space wrap>
        {selected.level !== 'grassroots' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {t('orgs.createChild')}
          </Button>
        ) : null}
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          {t('orgs.edit')}
        </Button>
        {selected.id !== me.org.id ? (
          <>
            <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
              {t('orgs.move')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => setDialog('dissolve')}>
              {t('orgs.dissolve')}
            </Button>
          </>
        ) : null}
      </Space>
    ) : null;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <ApartmentOutlined /> {t('orgs.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={t('orgs.treeTitle')} className="uh-org-tree-card">
            <OrgSearchBox onPick={(hit) => void reveal(hit)} />
            {tree.root ? (
              <Tree
                ref={treeRef as never}
                showLine
                blockNode
                treeData={treeData}
                loadData={loadData}
                loadedKeys={loadedKeys}
                expandedKeys={expanded}
                onExpand={(keys) => setExpandedKeys(keys)}
                selectedKeys={selected ? [String(selected.id)] : []}
                onSelect={(keys) => {
                  const [key] = keys;
                  if (key !== undefined) setSelectedId(Number(key));
                }}
                height={screens.lg ? 560 : 380}
              />
            ) : (
              <Skeleton active paragraph={{ rows: 6 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card title={t('orgs.detailTitle')} extra={screens.md ? actions : null}>
            {selected ? (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {screens.md ? null : actions}
                <OrgDetail org={selected} parent={parent} />
                <OrgCoverageCard orgId={selected.id} version={version} />
              </Space>
            ) : tree.root ? (
              <Empty description={t('orgs.selectHint')} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        open={dialog === 'create' || dialog === 'edit'}
        parent={dialog === 'edit' ? parent : selected}
        org={dialog === 'edit' && selected ? selected : undefined}
        onClose={() => setDialog(null)}
        onSaved={(org) => {
          void message.success(t(dialog === 'edit' ? 'orgs.saved' : 'orgs.created', { name: org.name }));
          void refreshAfter(dialog === 'edit' ? [org.parentId, org.id] : [org.parentId], org.id);
        }}
      />
      <MoveOrgModal
        key={`move-${dialog === 'move' ? selected?.id : ''}`}
        org={dialog === 'move' ? selected : null}
        onClose={() => setDialog(null)}
        onMoved={(org, oldParentId) => {
          void message.success(t('orgs.moved', { name: org.name }));
          void refreshAfter([org.parentId, oldParentId], org.id);
        }}
      />
      <DissolveOrgModal
        key={`dissolve-${dialog === 'dissolve' ? selected?.id : ''}`}
        org={dialog === 'dissolve' ? selected : null}
        onClose={() => setDialog(null)}
        onDissolved={(org) => {
          void message.success(t('orgs.dissolved', { name: org.name }));
          void refreshAfter([org.parentId, org.id], org.id);
        }}
      />
    </div>
  );
}
