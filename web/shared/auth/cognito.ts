/**
 * On AWS: Cognito's managed login, authorization code + PKCE (oidc-client-ts), the ID token
 * as the bearer (API Gateway's JWT authorizer checks it). Loaded only when config.json says so.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthConfig } from '../config';
import { signIn } from './session';

type Cognito = Extract<AuthConfig, { kind: 'cognito' }>;

function manager(config: Cognito, appBase: string) {
  const redirect = new URL(config.redirectPath ?? `${appBase}signin/callback`, location.origin).href;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: redirect,
    post_logout_redirect_uri: new URL(appBase, location.origin).href,
    response_type: 'code',
    scope: config.scope ?? 'openid profile email phone',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export async function cognitoSignIn(config: Cognito, appBase: string) {
  await manager(config, appBase).signinRedirect();
}

/** On the callback page: exchanges the code, keeps the ID token. */
export async function cognitoCallback(config: Cognito, appBase: string) {
  const user = await manager(config, appBase).signinRedirectCallback();
  if (!user.id_token) throw new Error('no id_token');
  signIn(user.id_token);
}
