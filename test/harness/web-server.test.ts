import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiSchemas, type ApiHandlers } from '@shared/api/contract';
import { exportDirOf } from '../../main/server/paths';
import { openServices } from '../../main/server/services';
import { LOCK_FILE_NAME } from '../../main/server/storage/lock';
import { createWebServer } from '../../main/server/web/server';
import { useTempDirs } from '../main/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const newDir = useTempDirs();
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

interface Running {
  readonly port: number;
  readonly dataDir: string;
  /** The secret the page gets with index.html. */
  readonly token: string;
}

/** The real server on a temp data folder; `replace` swaps handlers (to make one fail). */
async function harness(replace: Partial<ApiHandlers> = {}): Promise<Running> {
  const dir = await newDir();
  const webRoot = path.join(dir, 'web');
  await mkdir(webRoot);
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><html><head><title>食安包保工作台</title></head><body></body></html>');
  const dataDir = path.join(dir, 'data');
  const { handlers } = await openServices(dataDir);
  const server = createWebServer({ ...handlers, ...replace }, { webRoot, exportDir: exportDirOf(dataDir) });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const page = await request(port, { path: '/' });
  const token = /<meta name="api-token" content="([^"]+)">/.exec(page.body)?.[1] ?? '';
  return { port, dataDir, token };
}

interface Sent {
  method?: string;
  path: string;
  host?: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  /** Send the body in pieces without a Content-Length. */
  chunked?: boolean;
}

function request(port: number, options: Sent): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(
      Object.entries({ host: options.host ?? `127.0.0.1:${port}`, ...options.headers }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.chunked && options.body !== undefined) {
      const bytes = Buffer.from(options.body);
      const piece = 1024 * 1024;
      for (let at = 0; at < bytes.length; at += piece) req.write(bytes.subarray(at, at + piece));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

/** An API call as the page makes it: JSON, the page's own origin, the token. */
function call(
  running: Running,
  method: string,
  body: string | Buffer,
  headers: Record<string, string | undefined> = {},
  extra: Partial<Sent> = {},
) {
  return request(running.port, {
    method: 'POST',
    path: `/api/${method}`,
    body,
    headers: {
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${running.port}`,
      'sec-fetch-site': 'same-origin',
      'x-api-token': running.token,
      ...headers,
    },
    ...extra,
  });
}

const envelope = (body: string): { ok: boolean; value?: unknown; error?: { code: string; message: string } } => JSON.parse(body);

describe('web harness', () => {
  it('serves the API over POST with the same envelopes as IPC', async () => {
    const running = await harness();
    const info = await call(running, 'app:info', '{}');
    expect(envelope(info.body)).toMatchObject({ ok: true, value: { initialized: false } });
    const bad = await call(running, 'entities:get', '{"id":5}');
    expect(envelope(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const notJson = await call(running, 'app:info', '{oops');
    expect(notJson.status).toBe(400);
    expect(envelope(notJson.body).error?.message).toBe('请求内容不是有效的 JSON');
  });

  it('answers every contract method (no method is missing from the handler table)', async () => {
    // The contract decides what is unknown, so only the table itself shows a method left out.
    const { handlers, store } = await openServices(await newDir());
    await store.close();
    expect(Object.keys(apiSchemas).filter((method) => typeof handlers[method as keyof ApiHandlers] !== 'function')).toEqual([]);
    // Each one reaches its schema through the server (a wrong input is refused there); a name outside the contract does not.
    const running = await harness();
    for (const method of Object.keys(apiSchemas)) {
      const result = envelope((await call(running, method, '"not an object"')).body);
      expect(result.error?.code, method).toBe('invalid-argument');
    }
    expect(envelope((await call(running, 'entities:nothing', '{}')).body).error?.code).toBe('unknown-method');
  });

  it('refuses other Host names (DNS rebinding) and paths outside the page folder', async () => {
    const running = await harness();
    const { port } = running;
    expect((await request(port, { path: '/', host: `evil.example:${port}` })).status).toBe(403);
    expect((await call(running, 'app:info', '{}', {}, { host: 'evil.example' })).status).toBe(403);
    const page = await request(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('食安包保工作台');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    const traversal = await request(port, { path: '/../../../../etc/passwd' });
    expect(traversal.body).not.toContain('root:');
  });

  it('gives the page an unguessable per-start secret with index.html, and only there', async () => {
    const one = await harness();
    const two = await harness();
    expect(one.token).toMatch(/^[\w-]{40,}$/);
    expect(two.token).not.toBe(one.token);
    // Every address that falls back to the page gets it too; the page is never cached with it.
    const screen = await request(one.port, { path: '/some/screen' });
    expect(screen.body).toContain(one.token);
    expect(screen.headers['cache-control']).toBe('no-store');
  });

  it('lets the browser keep the built files named after their content for good, and never the page that names them', async () => {
    const running = await harness();
    const webRoot = path.join(path.dirname(running.dataDir), 'web');
    await mkdir(path.join(webRoot, 'assets'));
    await writeFile(path.join(webRoot, 'assets', 'index-Ab3_x-9Z.js'), 'export {};');
    await writeFile(path.join(webRoot, 'assets', 'DashboardPage-DXdrzlSz.css'), 'p {}');
    await writeFile(path.join(webRoot, 'assets', 'notes.js'), 'export {};');
    await writeFile(path.join(webRoot, 'favicon-Ab3_x-9Z.ico'), '');
    const cacheOf = async (address: string) => (await request(running.port, { path: address })).headers['cache-control'];
    const forGood = 'public, max-age=31536000, immutable';
    expect(await cacheOf('/assets/index-Ab3_x-9Z.js')).toBe(forGood);
    expect(await cacheOf('/assets/DashboardPage-DXdrzlSz.css')).toBe(forGood);
    // Not named after its content, or not among the built assets: asked again at every use.
    expect(await cacheOf('/assets/notes.js')).toBe('no-cache');
    expect(await cacheOf('/favicon-Ab3_x-9Z.ico')).toBe('no-cache');
    // A missing asset falls back to the page, which is never kept.
    expect(await cacheOf('/assets/index-Zz3_x-9Z.js')).toBe('no-store');
    expect(await cacheOf('/')).toBe('no-store');
    // A rebuild: the page names the new files at once.
    await writeFile(path.join(webRoot, 'index.html'), '<html><head><script src="./assets/index-Nw3_x-9Z.js"></script></head></html>');
    expect((await request(running.port, { path: '/' })).body).toContain('index-Nw3_x-9Z.js');
  });

  it('refuses API calls from other websites, without the token, or not in JSON, and changes nothing', async () => {
    const running = await harness();
    expect(envelope((await call(running, 'app:createBlank', '{}')).body)).toMatchObject({ ok: true });
    const dataFile = path.join(running.dataDir, 'data.json');
    const before = await readFile(dataFile);
    const attempts: [string, Record<string, string | undefined>, number, string][] = [
      ['foreign Origin', { origin: 'http://evil.example' }, 403, '其他网站'],
      ['another local port', { origin: `http://127.0.0.1:${running.port + 1}` }, 403, '其他网站'],
      ['opaque Origin', { origin: 'null' }, 403, '其他网站'],
      ['cross-site fetch', { origin: undefined, 'sec-fetch-site': 'cross-site' }, 403, '其他网站'],
      ['same-site fetch', { origin: undefined, 'sec-fetch-site': 'same-site' }, 403, '其他网站'],
      ['no token', { 'x-api-token': undefined }, 403, '访问令牌'],
      ['wrong token', { 'x-api-token': `${running.token.slice(0, -1)}x` }, 403, '访问令牌'],
      ['text/plain body', { 'content-type': 'text/plain' }, 415, 'JSON'],
      ['form body', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'JSON'],
    ];
    for (const [what, headers, status, says] of attempts) {
      for (const [method, body] of [
        ['app:loadDemo', '{"scale":"district"}'],
        ['backup:restore', JSON.stringify({ upload: { fileName: 'empty.json', contentBase64: '' } })],
      ] as const) {
        const answer = await call(running, method, body, headers);
        expect({ what, method, status: answer.status }).toEqual({ what, method, status });
        expect(envelope(answer.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining(says) } });
      }
    }
    expect((await readFile(dataFile)).equals(before)).toBe(true);
    // A caller without a browser (no Origin) is fine with the token; so is a typed address (none).
    expect(envelope((await call(running, 'app:info', '{}', { origin: undefined, 'sec-fetch-site': undefined })).body)).toMatchObject({
      ok: true,
    });
    expect(
      envelope(
        (
          await call(running, 'app:info', '{}', {
            origin: `http://localhost:${running.port}`,
            'sec-fetch-site': 'none',
            'content-type': 'application/json; charset=utf-8',
          })
        ).body,
      ),
    ).toMatchObject({ ok: true });
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    const running = await harness();
    const page = await request(running.port, { path: '/%E0%A4%A' });
    expect(page.status).toBe(400);
    const api = await call(running, '%E0%A4%A', '{}');
    expect(api.status).toBe(400);
    expect(envelope(api.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await request(running.port, { path: '/' })).status).toBe(200);
    expect(envelope((await call(running, 'app:info', '{}')).body)).toMatchObject({ ok: true });
  });

  it('answers a body over the limit with 413, whether its size is declared or not, and keeps serving', async () => {
    const running = await harness();
    const tooBig = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    const declared = await call(running, 'app:info', tooBig);
    expect(declared.status).toBe(413);
    expect(envelope(declared.body).error?.message).toContain('过大');
    const streamed = await call(running, 'app:info', tooBig, {}, { chunked: true });
    expect(streamed.status).toBe(413);
    expect(envelope((await call(running, 'app:info', '{}')).body)).toMatchObject({ ok: true });
  });

  it('does not let the page choose where exports are written: only the data folder’s 导出 folder', async () => {
    const running = await harness();
    await call(running, 'app:loadDemo', '{"scale":"district"}');
    const elsewhere = await newDir();
    for (const outDir of [elsewhere, path.join(exportDirOf(running.dataDir), '..', '..', 'outside')]) {
      const refused = await call(running, 'handbook:exportAll', JSON.stringify({ outDir, level: 'city' }));
      expect(envelope(refused.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('导出') } });
    }
    expect(await readdir(elsewhere)).toEqual([]);
    expect(existsSync(path.join(running.dataDir, 'outside'))).toBe(false);
    // The export folder itself (or below it) is fine, named or not.
    const inside = envelope(
      (await call(running, 'handbook:exportAll', JSON.stringify({ outDir: exportDirOf(running.dataDir), level: 'city', combined: true })))
        .body,
    );
    expect(inside).toMatchObject({ ok: true, value: { outDir: expect.stringContaining(exportDirOf(running.dataDir)) } });
    // Let the job end before its folder is removed.
    const jobId = (inside.value as { jobId: string }).jobId;
    while ((envelope((await call(running, 'jobs:get', JSON.stringify({ jobId }))).body).value as { state: string }).state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('answers 500 when a request fails unexpectedly, and keeps serving', async () => {
    const running = await harness({
      'stats:get': () => {
        throw new TypeError('boom');
      },
      // A result that cannot be sent (JSON has no BigInt): the failure is past dispatch.
      'app:info': async () => ({ dataDir: 10n }) as never,
    });
    const thrown = await call(running, 'stats:get', '{}');
    expect(thrown.status).toBe(500);
    expect(envelope(thrown.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    const unsendable = await call(running, 'app:info', '{}');
    expect(unsendable.status).toBe(500);
    expect(envelope(unsendable.body)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('刷新') } });
    expect(envelope((await call(running, 'regions:list', '{}')).body)).toMatchObject({ ok: false, error: { code: 'not-initialized' } });
  });

  it('npm run web releases the data folder’s lock when it is stopped', async () => {
    const dataDir = await newDir();
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['main/server/web/start.ts', '--data', dataDir, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('http://127.0.0.1:')) resolve();
        });
        child.once('exit', () => reject(new Error(output)));
      });
      expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
