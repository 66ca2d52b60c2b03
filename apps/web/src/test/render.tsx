import { render } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from '../lib/api';
import { SessionProvider } from '../lib/session';

/** Prints where the router ended up, so a test can assert on redirects. */
export function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

export function renderAt(
  path: string,
  routes: ReactElement,
  { client, kind, antd = false }: { client: ApiClient; kind: 'staff' | 'member'; antd?: boolean },
) {
  const tree = (
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider client={client} kind={kind}>
        <Routes>
          {routes}
          <Route path="*" element={<LocationProbe />} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>
  );
  return render(
    antd ? (
      <ConfigProvider locale={zhCN}>
        <AntdApp>{tree}</AntdApp>
      </ConfigProvider>
    ) : (
      tree
    ),
  );
}
