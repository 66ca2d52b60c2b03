import type { Region } from '@unionhub/contracts';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listChildRegions } from '../api';

interface RegionNode {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: RegionNode[];
}

/** The code one GB/T 2260 level up: 410105 → 410100 → 410000; null for a province. */
export function parentRegionCode(code: string): string | null {
  if (code.endsWith('0000')) return null;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

/** A region's own record, read from its parent's subdivisions (there is no single-region endpoint). */
export async function findRegion(code: string): Promise<Region | null> {
  const parent = parentRegionCode(code);
  if (!parent) return null;
  return (await listChildRegions(parent)).find((r) => r.code === code) ?? null;
}

export function useRegionName(code: string | null | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    if (!code) return;
    let live = true;
    findRegion(code).then(
      (region) => live && setName(region?.name ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return name;
}

const label = (r: { name: string; code: string }) => `${r.name}（${r.code}）`;

/**
 * Picks a GB/T 2260 region at or below `rootCode` (the parent union's area), opening one level at
 * a time; the root itself may be chosen, since a county has no finer division.
 */
export function RegionPicker({
  rootCode,
  value,
  onChange,
  id,
}: {
  rootCode: string | null;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [tree, setTree] = useState<RegionNode[]>([]);

  useEffect(() => {
    if (!rootCode) return;
    let live = true;
    findRegion(rootCode).then(
      (region) =>
        live &&
        setTree([
          {
            value: rootCode,
            title: region ? label(region) : rootCode,
            isLeaf: region?.level === 'county',
          },
        ]),
      () => live && setTree([{ value: rootCode, title: rootCode, isLeaf: false }]),
    );
    return () => {
      live = false;
    };
  }, [rootCode]);

  const load = async (code: string) => {
    const children = await listChildRegions(code);
    const attach = (nodes: RegionNode[]): RegionNode[] =>
      nodes.map((n) =>
        n.value === code
          ? {
              ...n,
              isLeaf: children.length === 0,
              children: children.map((c) => ({
                value: c.code,
                title: label(c),
                isLeaf: c.level === 'county',
              })),
            }
          : n.children
            ? { ...n, children: attach(n.children) }
            : n,
      );
    setTree((nodes) => attach(nodes));
  };

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={tree}
      loadData={(node) => load(String(node.value))}
      placeholder={t('reference.regionPlaceholder')}
      showSearch={false}
      treeDefaultExpandAll
    />
  );
}
