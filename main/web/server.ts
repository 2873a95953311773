import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiHandlers } from '@shared/api/contract';
import { err } from '@shared/api/result';
import { dispatch } from '../api/dispatch';

const MAX_BODY_BYTES = 50 * 1024 * 1024;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const WEB_ROOT = process.env['WEB_DIST'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist-web');

/**
 * The web harness: the built renderer plus `POST /api/<method>` over the same handler table as
 * IPC. Bound to 127.0.0.1 only; requests naming another Host are refused (DNS rebinding).
 */
export function createWebServer(handlers: ApiHandlers, webRoot: string = WEB_ROOT): http.Server {
  const server = http.createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      send(res, 403, 'text/plain; charset=utf-8', '仅允许本机访问 / local access only');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(handlers, req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      void serveStatic(webRoot, url.pathname, res);
    } else {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    }
  });
  return server;
}

async function handleApi(handlers: ApiHandlers, req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, 'application/json', JSON.stringify(err('invalid-argument', '请使用 POST 调用接口')));
    return;
  }
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    send(res, 400, 'application/json', JSON.stringify(err('invalid-argument', (error as Error).message)));
    return;
  }
  const result = await dispatch(handlers, method, body);
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('请求内容过大'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('请求内容不是有效的 JSON'));
      }
    });
    req.on('error', reject);
  });
}

async function serveStatic(root: string, pathname: string, res: http.ServerResponse): Promise<void> {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = path.join(root, relative);
  if (!file.startsWith(root)) {
    send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = path.join(root, 'index.html');
  const exists = await stat(file).catch(() => null);
  if (!exists) {
    send(res, 404, 'text/plain; charset=utf-8', '界面尚未构建：请用 npm run web 启动（它会先构建界面）');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    // frame-ancestors only works as a header; the page's own policy is its meta tag.
    'content-security-policy': "frame-ancestors 'none'",
  });
  createReadStream(file).pipe(res);
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
