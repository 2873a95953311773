import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiSchemas } from '@shared/api/contract';
import { openServices } from '../../main/services';
import { createWebServer } from '../../main/web/server';
import { useTempDirs } from '../main/temp-dir';

const newDir = useTempDirs();
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function harness(): Promise<number> {
  const dir = await newDir();
  const webRoot = path.join(dir, 'web');
  await mkdir(webRoot);
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>食安包保工作台</title>');
  const { handlers } = await openServices(path.join(dir, 'data'));
  const server = createWebServer(handlers, webRoot);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function request(port: number, options: { method?: string; path: string; host?: string; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: options.host ?? `127.0.0.1:${port}`, 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web harness', () => {
  it('serves the API over POST with the same envelopes as IPC', async () => {
    const port = await harness();
    const info = await request(port, { method: 'POST', path: '/api/app:info', body: '{}' });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { initialized: false } });
    const bad = await request(port, { method: 'POST', path: '/api/entities:get', body: '{"id":5}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const notJson = await request(port, { method: 'POST', path: '/api/app:info', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('请求内容不是有效的 JSON');
  });

  it('answers every contract method (no method is missing from the handler table)', async () => {
    const port = await harness();
    for (const method of Object.keys(apiSchemas)) {
      const result = JSON.parse((await request(port, { method: 'POST', path: `/api/${method}`, body: '"not an object"' })).body);
      expect(result.error?.code, method).not.toBe('unknown-method');
    }
  });

  it('refuses other Host names (DNS rebinding) and paths outside the page folder', async () => {
    const port = await harness();
    expect((await request(port, { path: '/', host: `evil.example:${port}` })).status).toBe(403);
    expect((await request(port, { method: 'POST', path: '/api/app:info', host: 'evil.example', body: '{}' })).status).toBe(403);
    const page = await request(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('食安包保工作台');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    const traversal = await request(port, { path: '/../../../../etc/passwd' });
    expect(traversal.body).not.toContain('root:');
  });
});
