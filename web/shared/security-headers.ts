/**
 * The headers the web apps are served with, wherever they are served: the local runtime
 * (local/web-static.ts) and CloudFront (infra/constructs/web-hosting.ts) build them here, so the
 * policy the browser tests run under is the one deployed. Scripts only from the app's own origin
 * (no inline script, no eval); inline styles stay allowed because uPlot and Preact set style
 * attributes. Photos are posted to and shown from the media store's origin.
 */
export interface CspSources {
  /** Where photos are uploaded (presigned POST) and shown from: the media bucket's origin. */
  media: readonly string[];
  /** Other origins the apps call: Cognito's OIDC endpoints on AWS. */
  connect?: readonly string[];
}

export function contentSecurityPolicy({ media, connect = [] }: CspSources): string {
  const list = (xs: readonly string[]) => xs.map((x) => ` ${x}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${list(media)}`,
    `connect-src 'self'${list(media)}${list(connect)}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const referrerPolicy = 'strict-origin-when-cross-origin';
