import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiHandlers } from '@shared/api/contract';
import { err, type ErrorCode } from '@shared/api/result';
import { dispatch } from '../api/dispatch';
import { isInsideFolder } from '../paths';

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
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
/**
 * vite names every built script, style sheet and image after its content (`assets/<name>-<hash>.<ext>`):
 * such a file never changes under its name, so the browser keeps it and its compiled code for good,
 * instead of fetching and compiling the whole bundle again at every load of the page. index.html,
 * never cached, names the new files after a rebuild.
 */
const HASHED_ASSET = /^assets[/\\][^/\\]+-[\w-]{8}\.\w+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The header an API call carries the page's secret in (renderer/api/client.ts sends it). */
const TOKEN_HEADER = 'x-api-token';
/** Fetch metadata a browser sends for the page's own calls, or for an address typed by the user. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

export const WEB_ROOT = process.env['WEB_DIST'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist-web');

export interface WebServerOptions {
  /** The built renderer (dist-web unless given). */
  readonly webRoot?: string;
  /** The data folder's 导出 folder: the only place a page may have exports written (it has no folder dialog). */
  readonly exportDir: string;
}

/** A request refused before it reaches the services: its status and the Chinese message. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The web harness: the built renderer plus `POST /api/<method>` over the same handler table as
 * IPC. Bound to 127.0.0.1 only; requests naming another Host are refused (DNS rebinding). An API
 * call must come from the page itself: its own Origin (when the browser sends one), JSON, and
 * the secret this start of the server put into index.html, which no other website can read.
 * Nothing a request does can end the process: a failure is answered with 500.
 */
export function createWebServer(handlers: ApiHandlers, options: WebServerOptions): http.Server {
  const webRoot = options.webRoot ?? WEB_ROOT;
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = digest(token);
  const mayWriteTo = (folder: string): boolean => isInsideFolder(folder, options.exportDir);

  const server = http.createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      console.error('[web] request failed', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, err('internal', '服务出错，数据未更改。请刷新页面后重试；如仍失败，请重新运行 npm run web'));
    });
  });

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const port = (server.address() as { port: number } | null)?.port;
    const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!ownHosts.includes(req.headers.host ?? '')) {
      send(res, 403, TEXT_TYPE, '仅允许本机访问 / local access only');
      return;
    }
    const pathname = decodedPath(req.url ?? '/');
    const isApi = (req.url ?? '').startsWith('/api/');
    if (pathname === null) {
      if (isApi) sendJson(res, 400, err('invalid-argument', '请求地址格式不正确'));
      else send(res, 400, TEXT_TYPE, '地址格式不正确，请检查后重新输入');
      return;
    }
    if (isApi) {
      try {
        await handleApi(req, res, pathname.slice('/api/'.length), ownHosts);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        sendJson(res, error.status, err(error.code, error.message));
      }
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(pathname, res);
    } else {
      send(res, 405, TEXT_TYPE, 'method not allowed');
    }
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    ownHosts: readonly string[],
  ): Promise<void> {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (
      (origin !== undefined && !ownHosts.some((host) => origin === `http://${host}`)) ||
      (site !== undefined && !OWN_FETCH_SITES.has(String(site)))
    ) {
      throw new Refusal(403, 'forbidden', '拒绝来自其他网站的请求：请在本机打开 npm run web 显示的地址使用');
    }
    if (req.method !== 'POST') throw new Refusal(405, 'invalid-argument', '请使用 POST 调用接口');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), tokenDigest)) {
      throw new Refusal(403, 'forbidden', '缺少或错误的访问令牌：请刷新页面后重试（重新运行 npm run web 后需刷新）');
    }
    if ((req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      throw new Refusal(415, 'invalid-argument', '请求内容须为 JSON（Content-Type: application/json）');
    }
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new Refusal(400, 'invalid-argument', '请求内容不是有效的 JSON');
    }
    const result = await dispatch(handlers, method, body, mayWriteTo);
    // An unexpected failure is a server error; refusals the user can fix are answers like any other.
    sendJson(res, !result.ok && result.error.code === 'internal' ? 500 : 200, result);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
    let file = path.join(webRoot, relative);
    if (!isInsideFolder(file, webRoot)) {
      send(res, 403, TEXT_TYPE, 'forbidden');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) file = path.join(webRoot, 'index.html');
    const exists = await stat(file).catch(() => null);
    if (!exists) {
      send(res, 404, TEXT_TYPE, '界面尚未构建：请用 npm run web 启动（它会先构建界面）');
      return;
    }
    const headers = {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // frame-ancestors only works as a header; the page's own policy is its meta tag.
      'content-security-policy': "frame-ancestors 'none'",
    };
    if (file === path.join(webRoot, 'index.html')) {
      // The page reads the secret from this tag (renderer/api/client.ts); it is never cached.
      const page = (await readFile(file, 'utf8')).replace(/<head[^>]*>/i, (head) => `${head}<meta name="api-token" content="${token}">`);
      res.writeHead(200, { ...headers, 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    res.writeHead(200, { ...headers, 'cache-control': HASHED_ASSET.test(relative) ? IMMUTABLE : 'no-cache' });
    createReadStream(file).pipe(res);
  }

  return server;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The request's path with %-escapes decoded, or null when it is not a valid address. */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/** The body as text; one over the limit is refused with 413 (the rest is read and dropped, so the answer arrives). */
function readBody(req: http.IncomingMessage): Promise<string> {
  const tooLarge = new Refusal(413, 'invalid-argument', `请求内容过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB）`);
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON_TYPE, JSON.stringify(body));
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
