/** An OAuth 2.0 error response (RFC 6749 §5.2) with the status and wording Keycloak uses. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidClient = () =>
  new OAuthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
export const invalidUserCredentials = () => new OAuthError(401, 'invalid_grant', 'Invalid user credentials');
export const missingParameter = (name: string) =>
  new OAuthError(400, 'invalid_request', `Missing parameter: ${name}`);
