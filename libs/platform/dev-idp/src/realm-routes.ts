import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import type { DevIdpClient, DevIdpUser } from './dev-idp.types';
import type { KeyStore } from './key-store';
import { OAuthError } from './oauth-error';
import { handleTokenRequest } from './token-endpoint';
import type { TokenIssuer } from './token-issuer';

export interface RealmContext {
  realm: string;
  issuer: TokenIssuer;
  keys: KeyStore;
  clients: readonly DevIdpClient[];
  users: readonly DevIdpUser[];
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/** The HTTP surface, laid out like Keycloak's: everything under /realms/{realm}. */
export function createRealmApp(context: RealmContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(`/realms/${context.realm}`, realmRouter(context));
  app.use('/realms/:realm', (_req, res) => {
    res.status(404).json({ error: 'Realm does not exist', error_description: 'Realm does not exist' });
  });
  app.use(notFound);
  app.use(errorHandler(context));
  return app;
}

function realmRouter(context: RealmContext): express.Router {
  const { issuer: tokens, keys, realm } = context;
  const issuer = tokens.config.issuer;
  const oidc = `${issuer}/protocol/openid-connect`;
  const router = express.Router();

  router.get('/', async (_req, res) => {
    res.json({
      realm,
      public_key: await keys.signingPublicKeyBase64(),
      'token-service': oidc,
      'account-service': `${issuer}/account`,
      'tokens-not-before': 0,
    });
  });

  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      userinfo_endpoint: `${oidc}/userinfo`,
      jwks_uri: `${oidc}/certs`,
      grant_types_supported: ['password', 'client_credentials', 'refresh_token'],
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      userinfo_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['openid', 'profile', 'email', 'roles', 'web-origins', 'acr', 'basic'],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'acr',
        'azp',
        'name',
        'given_name',
        'family_name',
        'preferred_username',
        'email',
        'email_verified',
        'agency_id',
      ],
    });
  });

  router.get('/protocol/openid-connect/certs', async (_req, res) => {
    res.json({ keys: await keys.publicJwks() });
  });

  router.all('/protocol/openid-connect/auth', (_req, res) => {
    res.status(501).json({
      error: 'not_implemented',
      error_description:
        'dev-idp issues tokens only at the token endpoint (password, client_credentials, refresh_token)',
    });
  });

  router.post(
    '/protocol/openid-connect/token',
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res) => {
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
      const form = (req.body ?? {}) as Record<string, unknown>;
      res.json(await handleTokenRequest(context, form, req.get('authorization')));
    },
  );

  const userinfo = async (req: Request, res: Response) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}"`);
      throw new OAuthError(401, 'invalid_request', 'Token not provided');
    }
    let claims;
    try {
      claims = await tokens.verify(token, 'Bearer');
    } catch {
      res.set('WWW-Authenticate', `Bearer realm="${realm}", error="invalid_token"`);
      throw new OAuthError(401, 'invalid_token', 'Token verification failed');
    }
    const user = context.users.find((candidate) => candidate.sub === claims.sub);
    const { email_verified, name, preferred_username, given_name, family_name, email, agency_id } = claims;
    res.json(
      user
        ? {
            sub: claims.sub,
            email_verified,
            name,
            preferred_username,
            given_name,
            family_name,
            email,
            agency_id,
          }
        : { sub: claims.sub, email_verified, preferred_username },
    );
  };
  router.get('/protocol/openid-connect/userinfo', userinfo);
  router.post('/protocol/openid-connect/userinfo', userinfo);
  router.use(notFound);

  return router;
}

function notFound(_req: Request, res: Response): void {
  res.status(404).json({ error: 'Unable to find matching target resource method' });
}

function errorHandler(context: RealmContext): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof OAuthError) {
      res.status(error.status).json(error.toJSON());
      return;
    }
    // body-parser marks malformed or oversized bodies with an HTTP status of 4xx.
    const status = (error as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json({ error: 'invalid_request', error_description: 'Malformed request body' });
      return;
    }
    context.log('request failed', { err: error });
    res.status(500).json({ error: 'server_error', error_description: 'Internal error' });
  };
}
