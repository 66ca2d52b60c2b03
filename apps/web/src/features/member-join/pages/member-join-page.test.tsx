import { fireEvent, screen, waitFor } from '@testing-library/react';
import { idNumberCheckChar } from '@unionhub/contracts';
import { Route } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { memberApi } from '../../../lib/api';
import { json } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { MemberJoinPage } from './member-join-page';

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Records each request with its headers; answers the union search and the application. */
function server() {
  const posts: { body: unknown; key: string | null }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    if (url.includes('/me/join-applications')) return json(200, { items: [] });
    if (url.includes('/join-applications/unions'))
      return json(200, {
        items: [{ id: 11, name: '河南中原建设集团有限公司工会委员会', regionCode: '410105', address: null }],
      });
    if (url.endsWith('/join-applications') && init?.method === 'POST') {
      posts.push({ body: JSON.parse(String(init.body)), key: headers.get('Idempotency-Key') });
      return json(201, {});
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'x', details: [] } });
  });
  vi.stubGlobal('fetch', fetch);
  return posts;
}

function renderJoin() {
  return renderAt('/m/join', <Route path="/m/join" element={<MemberJoinPage />} />, {
    client: memberApi,
    kind: 'member',
  });
}

describe('MemberJoinPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('checks the ID number in the browser and sends nothing while the form is wrong', async () => {
    const posts = server();
    renderJoin();
    const idBox = await screen.findByRole('textbox', { name: '身份证号' });
    const right = id('41010519900307123');
    fireEvent.change(screen.getByRole('textbox', { name: '姓名' }), { target: { value: '王小明' } });
    fireEvent.change(idBox, { target: { value: `${right.slice(0, 17)}${right[17] === '0' ? '1' : '0'}` } });
    fireEvent.click(screen.getByRole('button', { name: '提交入会申请' }));
    expect((await screen.findAllByText('身份证号校验位不正确，请核对后重新输入')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('请选择要加入的工会').length).toBeGreaterThan(0);
    expect(posts).toEqual([]);
  });

  test('finds the union by name and files one application with one key however often it is tapped', async () => {
    const posts = server();
    renderJoin();
    fireEvent.change(await screen.findByRole('textbox', { name: '姓名' }), { target: { value: '王小明' } });
    fireEvent.change(screen.getByRole('textbox', { name: '身份证号' }), {
      target: { value: id('41010519900307123') },
    });
    fireEvent.change(screen.getByPlaceholderText('输入工会名称或拼音，如 zhongyuan'), {
      target: { value: 'zhongyuan' },
    });
    fireEvent.click(await screen.findByText('河南中原建设集团有限公司工会委员会'));
    expect(screen.getByTestId('chosen-union').textContent).toContain('河南中原建设集团有限公司工会委员会');

    const submit = screen.getByRole('button', { name: '提交入会申请' });
    fireEvent.click(submit);
    fireEvent.click(submit);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      body: { orgId: 11, name: '王小明', idNumber: id('41010519900307123') },
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/join/status'));
  });
});
