import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevIdp } from '../dev-idp';
import type { DevIdp, DevIdpOptions, DevIdpUser } from '../dev-idp.types';

// Spec fixtures only: the platform lib may not import @hub/demo-data.
export const TEST_PASSWORD = 'demo';
export const TEST_USERS: DevIdpUser[] = [
  {
    sub: '5d0c4b2e-9a7f-4e3b-8c61-000000000001',
    username: 'ngo.caseworker',
    name: 'Nadia Okafor',
    email: 'ngo.caseworker@demo.taskforce.example',
    agencyId: 'a0000000-0000-4000-8000-000000000001',
    roles: ['caseworker'],
    password: TEST_PASSWORD,
  },
  {
    sub: '5d0c4b2e-9a7f-4e3b-8c61-000000000002',
    username: 'ngo.lead',
    name: 'Grace Van Lindqvist',
    email: 'ngo.lead@demo.taskforce.example',
    agencyId: 'a0000000-0000-4000-8000-000000000001',
    roles: ['supervisor', 'agency_admin'],
    password: TEST_PASSWORD,
  },
];

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'dev-idp-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function startTestIdp(keyFile: string, overrides: Partial<DevIdpOptions> = {}): Promise<DevIdp> {
  return createDevIdp({ port: 0, keyFile, users: TEST_USERS, ...overrides });
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export async function postToken(
  idp: DevIdp,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export async function passwordGrant(idp: DevIdp, extra: Record<string, string> = {}): Promise<JsonResponse> {
  return postToken(idp, {
    grant_type: 'password',
    client_id: 'hub-cli',
    username: 'ngo.caseworker',
    password: TEST_PASSWORD,
    ...extra,
  });
}

export function basicAuth(clientId: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` };
}

/** The kid in a compact JWS header, without verifying anything. */
export function kidOf(token: string): string {
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as {
    kid: string;
  };
  return header.kid;
}

/** exp − iat of a decoded token, in seconds. */
export function lifetimeOf(claims: { exp?: number; iat?: number }): number {
  return Number(claims.exp) - Number(claims.iat);
}
