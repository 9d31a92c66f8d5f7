/** Where the API is and how to sign in, read once from `/config.json` (written at deploy time on AWS). */
export type AuthConfig =
  | { kind: 'dev' }
  | { kind: 'cognito'; authority: string; clientId: string; redirectPath?: string; scope?: string };

export interface WebConfig {
  apiBase: string;
  auth: AuthConfig;
}

let loaded: Promise<WebConfig> | undefined;

export function loadConfig(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<WebConfig>) : Promise.reject(new Error(`config.json: ${r.status}`))))
    .catch(() => ({ apiBase: '', auth: { kind: 'dev' } }) as WebConfig);
  return loaded;
}
