/**
 * Development tokens. The runtime signs them with a key it generates at first start and keeps
 * in DATA_DIR, and verifies them as API Gateway's JWT authorizer would: signature, issuer,
 * audience, expiry. Claims reach the handler in the same flattened string form.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import * as z from 'zod';
import { roles } from '../shared/domain/principal.js';

const ALG = 'ES256';
export const ISSUER = 'civic-feedback-local';
export const AUDIENCE = 'civic-feedback';
const TOKEN_TTL = '12h';

export const DevTokenRequest = z.strictObject({
  sub: z.string().min(1).max(128),
  groups: z.array(z.enum(roles)).min(1),
  departmentId: z.string().min(1).optional(),
  scope: z.string().regex(/^(city|district-\d{3})$/).optional(),
  name: z.string().max(200).optional(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164').optional(),
});
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

export interface DevAuth {
  mint(request: DevTokenRequest, expiresIn?: string | number): Promise<string>;
  /** The claims as API Gateway passes them, or undefined for a missing, expired or foreign token. */
  verify(token: string): Promise<Record<string, string> | undefined>;
}

/** `keyFile`: where the key pair lives (created on first use); omit for an in-memory key. */
export async function createDevAuth(keyFile?: string): Promise<DevAuth> {
  const { privateKey, publicKey } = await loadOrCreateKeys(keyFile);
  return {
    mint(request, expiresIn = TOKEN_TTL) {
      const claims: JWTPayload = { 'cognito:groups': request.groups, token_use: 'id' };
      if (request.departmentId) claims['custom:department_id'] = request.departmentId;
      if (request.scope) claims['custom:scope'] = request.scope;
      if (request.name) claims.name = request.name;
      if (request.phone) claims.phone_number = request.phone;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: ALG })
        .setSubject(request.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALG] });
        return flattenClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}

/** API Gateway hands claims over as strings, arrays as `[a b]`. */
function flattenClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

async function loadOrCreateKeys(keyFile?: string) {
  if (keyFile && existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as { privateKey: JWK; publicKey: JWK };
    return { privateKey: await importJWK(jwk.privateKey, ALG), publicKey: await importJWK(jwk.publicKey, ALG) };
  }
  const pair = await generateKeyPair(ALG, { extractable: true });
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    const stored = { privateKey: await exportJWK(pair.privateKey), publicKey: await exportJWK(pair.publicKey) };
    writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  }
  return pair;
}
