/**
 * Serves the built web apps on the API's origin, as CloudFront does on AWS: hashed assets
 * cached for a year, the citizen app at `/`, the console at `/console/`, each with an SPA
 * fallback to its index.html, and `/config.json` telling the apps where the API is and how to sign in.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy, referrerPolicy } from '../web/shared/security-headers.js';
import { webDist } from './web-build.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the API: an unknown one there is a 404 problem, never the app shell. */
const apiPrefixes = ['/v1/', '/dev/', '/open311/', '/health', '/openapi.json'];

export const localWebConfig = { apiBase: '', auth: { kind: 'dev' } } as const;

/** The media store's origin: browsers POST photos to it (presigned) and show photos from it. Read per request, as tests set it late. */
function mediaOrigin(): string[] {
  try {
    return process.env.AWS_ENDPOINT_URL_S3 ? [new URL(process.env.AWS_ENDPOINT_URL_S3).origin] : [];
  } catch {
    return [];
  }
}

function securityHeaders() {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': referrerPolicy,
    'content-security-policy': contentSecurityPolicy({ media: mediaOrigin() }),
  };
}

/** True when it answered the request. */
export function serveWeb(method: string, pathname: string, res: ServerResponse): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (apiPrefixes.some((p) => pathname === p || pathname.startsWith(p))) return false;
  if (pathname === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(method === 'HEAD' ? undefined : JSON.stringify(localWebConfig));
    return true;
  }
  if (!existsSync(webDist)) return false;
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  } catch {
    return false;
  }
  let file = join(webDist, relative);
  if (!file.startsWith(webDist)) return false;
  const isFile = existsSync(file) && statSync(file).isFile();
  if (!isFile) {
    if (extname(relative) && !relative.endsWith('.html')) return false;
    if (existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    else file = join(webDist, pathname === '/console' || pathname.startsWith('/console/') ? 'console/index.html' : 'index.html');
    if (!existsSync(file)) return false;
  }
  const hashed = relative.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders(),
  });
  res.end(method === 'HEAD' ? undefined : readFileSync(file));
  return true;
}
