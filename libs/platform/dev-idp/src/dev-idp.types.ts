export interface DevIdpUser {
  sub: string;
  username: string;
  name: string;
  email: string;
  agencyId: string;
  roles: string[];
  password: string;
}

export interface DevIdpClient {
  clientId: string;
  public: boolean;
  secret?: string;
  directAccessGrants: boolean;
  /** Present when the client has a service account (client_credentials grant). */
  serviceAccountRoles?: string[];
  /**
   * Present when people sign in through the browser (Keycloak's standard flow: authorization code,
   * PKCE S256 required). URIs match exactly, or by prefix when they end in `*` (Keycloak's rule).
   */
  browser?: {
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    /** Origins whose scripts may call the token, discovery, certs and userinfo endpoints (CORS). */
    webOrigins: string[];
  };
}

export interface DevIdpOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 picks a free port; default 8080. */
  port?: number;
  /** Default 'taskforce'. */
  realm?: string;
  /** JSON file holding the RSA key set; created (with parent dirs, mode 0600) on first start. */
  keyFile: string;
  users: DevIdpUser[];
  /** Default DEV_IDP_CLIENTS. */
  clients?: DevIdpClient[];
  /** Default 'hub-api'. */
  audience?: string;
  /** Default 300. */
  accessTokenLifetimeSeconds?: number;
  /** Milliseconds since the epoch, for the browser flow's code and login timeouts; default Date.now. */
  now?: () => number;
  /** When true and users is non-empty, createDevIdp refuses to start. */
  production?: boolean;
  logger?: (line: string) => void;
}

export interface DevIdp {
  /** http://127.0.0.1:<actual port> */
  readonly url: string;
  /** `${url}/realms/${realm}` */
  readonly issuer: string;
  readonly port: number;
  /** Generates a new RS256 key, publishes it beside the old ones, makes it the signing key; returns its kid. */
  rotateKey(): Promise<string>;
  /** Removes a key from the published JWKS; refuses the signing key (and so the only key). */
  withdrawKey(kid: string): Promise<void>;
  publishedKids(): Promise<string[]>;
  signingKid(): Promise<string>;
  /** For tests: sign arbitrary claims with a realm key (default: the signing key). Header {alg:'RS256', typ:'JWT', kid}. */
  signWithRealmKey(
    claims: Record<string, unknown>,
    options?: { kid?: string; header?: Record<string, unknown> },
  ): Promise<string>;
  /** For tests: the claims a password grant would put in an access token for this user (no HTTP). */
  accessTokenClaims(username: string): Record<string, unknown>;
  close(): Promise<void>;
}
