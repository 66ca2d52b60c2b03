import type { Org } from '@unionhub/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getOrg, listChildOrgs } from '../api';

export interface OrgTreeState {
  root: Org | null;
  rootError: unknown;
  orgs: ReadonlyMap<number, Org>;
  /** Child ids per org id, present once that org's children have been fetched. */
  children: ReadonlyMap<number, number[]>;
  loadChildren(id: number): Promise<void>;
  /** Fetches an org again, and its children if they were open, after it was changed. */
  reloadOrg(id: number): Promise<Org>;
  retryRoot(): void;
}

/** The caller's subtree, fetched one level at a time as nodes are opened. */
export function useOrgTree(rootId: number | null): OrgTreeState {
  const [root, setRoot] = useState<Org | null>(null);
  const [rootError, setRootError] = useState<unknown>(null);
  const [orgs, setOrgs] = useState<ReadonlyMap<number, Org>>(new Map());
  const [children, setChildren] = useState<ReadonlyMap<number, number[]>>(new Map());
  // Only the latest root request may write its answer; an earlier, slower one is ignored.
  const rootRequest = useRef(0);

  const loadRoot = useCallback((id: number) => {
    const request = ++rootRequest.current;
    setRootError(null);
    getOrg(id).then(
      (org) => {
        if (request !== rootRequest.current) return;
        setRoot(org);
        setOrgs((prev) => new Map(prev).set(org.id, org));
      },
      (error: unknown) => {
        if (request === rootRequest.current) setRootError(error);
      },
    );
  }, []);

  useEffect(() => {
    if (rootId !== null) loadRoot(rootId);
    return () => {
      rootRequest.current++;
    };
  }, [rootId, loadRoot]);

  const loadChildren = useCallback(async (id: number) => {
    const items = await listChildOrgs(id);
    setOrgs((prev) => {
      const next = new Map(prev);
      for (const org of items) next.set(org.id, org);
      return next;
    });
    setChildren((prev) =>
      new Map(prev).set(
        id,
        items.map((org) => org.id),
      ),
    );
  }, []);

  const reloadOrg = useCallback(
    async (id: number) => {
      const org = await getOrg(id);
      setOrgs((prev) => new Map(prev).set(org.id, org));
      if (id === rootId) setRoot(org);
      if (org.childCount > 0) await loadChildren(id);
      else setChildren((prev) => new Map(prev).set(id, []));
      return org;
    },
    [rootId, loadChildren],
  );

  const retryRoot = useCallback(() => {
    if (rootId !== null) loadRoot(rootId);
  }, [rootId, loadRoot]);

  return { root, rootError, orgs, children, loadChildren, reloadOrg, retryRoot };
}
