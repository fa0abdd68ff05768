/** The authenticated person behind a request, as the verified token describes them. */
export interface Caller {
  /** Keycloak user id (`sub`). */
  readonly userId: string;
  readonly username: string;
  readonly name: string | null;
  readonly email: string | null;
  /**
   * The agency the user belongs to (`agency_id` claim, unchecked here); null for service accounts.
   * A request whose claim names no registered agency is refused before any resolver (CallerAdmission).
   */
  readonly agencyId: string | null;
  /** Realm roles (`realm_access.roles`), Keycloak's built-in ones included as given. */
  readonly roles: readonly string[];
  readonly tokenId: string | null;
}
