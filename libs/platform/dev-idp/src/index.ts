export type { DevIdp, DevIdpClient, DevIdpOptions, DevIdpUser } from './dev-idp.types';
export { createDevIdp } from './dev-idp';
export {
  DEV_IDP_CLIENTS,
  DEV_WEB_ORIGINS,
  devIdpClients,
  HUB_CLIENT_SCOPE,
  KEYCLOAK_TOKEN_MAPPERS,
  webClient,
} from './clients';
export { usersWithPassword, type DevIdpUserProfile } from './users';
export {
  KeyStore,
  listKeyFile,
  rotateKeyFile,
  withdrawKeyFile,
  type RealmKeyInfo,
  type RealmPublicJwk,
} from './key-store';
