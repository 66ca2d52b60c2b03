import { TreeSelect } from 'antd';
import { useMe } from '../../../lib/session';
import { useOrgTree } from '../hooks/use-org-tree';

interface OrgOption {
  value: number;
  title: string;
  isLeaf: boolean;
  children?: OrgOption[];
}

/** One union of the caller's subtree, picked from the tree as it is opened level by level. */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const me = useMe();
  const tree = useOrgTree(me.org?.id ?? null);
  const toNode = (orgId: number): OrgOption => {
    const org = tree.orgs.get(orgId)!;
    const children = tree.children.get(orgId);
    return {
      value: org.id,
      title: org.name,
      isLeaf: org.childCount === 0,
      ...(children ? { children: children.filter((c) => tree.orgs.has(c)).map(toNode) } : {}),
    };
  };
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear
      placeholder={placeholder}
      treeData={tree.root ? [toNode(tree.root.id)] : []}
      loadData={(node) => tree.loadChildren(Number(node.value))}
      popupMatchSelectWidth={false}
    />
  );
}
