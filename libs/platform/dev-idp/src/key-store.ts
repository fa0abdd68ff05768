import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JWK,
  type KeyLike,
} from 'jose';
import { z } from 'zod';
import { isErrno, withFileLock } from './file-lock';

const ALG = 'RS256';

/** A published RSA public key as it appears in the realm's JWKS. */
export interface RealmPublicJwk {
  kid: string;
  kty: 'RSA';
  alg: 'RS256';
  use: 'sig';
  n: string;
  e: string;
}

export interface StoredRealmKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: RealmPublicJwk;
  createdAt: string;
  signing: boolean;
}

export interface RealmKeyInfo {
  kid: string;
  createdAt: string;
  signing: boolean;
}

const publicJwkSchema = z.object({
  kid: z.string().min(1),
  kty: z.literal('RSA'),
  alg: z.literal(ALG),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
});

const storedKeySchema = z.object({
  kid: z.string().min(1),
  privateJwk: z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string(), d: z.string() }),
  publicJwk: publicJwkSchema,
  createdAt: z.string(),
  signing: z.boolean(),
});

const keyFileSchema = z
  .object({ keys: z.array(storedKeySchema).min(1) })
  .refine((file) => file.keys.filter((key) => key.signing).length === 1, {
    message: 'exactly one key must have "signing": true',
  })
  .refine((file) => file.keys.every((key) => key.kid === key.publicJwk.kid), {
    message: 'every publicJwk.kid must equal its key kid',
  });

interface Snapshot {
  /** Changes whenever the file is replaced or written, so another process's edit is noticed. */
  signature: string;
  keys: StoredRealmKey[];
}

/**
 * The realm's RSA keys, kept in one JSON file that is the source of truth: every read checks the
 * file's identity and reloads it when another process (the CLI) rotated or withdrew a key.
 */
export class KeyStore {
  private snapshot: Snapshot | undefined;
  // Private keys stay usable for signing after withdrawal, so tests can mint tokens nobody publishes.
  private readonly privateKeys = new Map<string, KeyLike>();

  private constructor(
    readonly file: string,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
  ) {}

  /** Opens the key file, creating it with one fresh signing key when it does not exist. */
  static async open(
    file: string,
    log: (message: string, fields?: Record<string, unknown>) => void = () => undefined,
  ): Promise<KeyStore> {
    const store = new KeyStore(file, log);
    await store.ensureFile();
    await store.load(true);
    return store;
  }

  async keys(): Promise<StoredRealmKey[]> {
    return (await this.current()).keys;
  }

  async list(): Promise<RealmKeyInfo[]> {
    return (await this.keys()).map(({ kid, createdAt, signing }) => ({ kid, createdAt, signing }));
  }

  async publishedKids(): Promise<string[]> {
    return (await this.keys()).map((key) => key.kid);
  }

  async publicJwks(): Promise<RealmPublicJwk[]> {
    return (await this.keys()).map((key) => ({ ...key.publicJwk }));
  }

  async signingKey(): Promise<StoredRealmKey> {
    const key = (await this.keys()).find((candidate) => candidate.signing);
    if (!key) throw new Error(`Key file ${this.file} has no signing key`);
    return key;
  }

  /** The signing key's public key as Keycloak's realm info shows it: base64 SPKI DER, no PEM armour. */
  async signingPublicKeyBase64(): Promise<string> {
    const key = await this.signingKey();
    const pem = await exportSPKI((await importJWK(key.publicJwk, ALG)) as KeyLike);
    return pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  }

  /** A realm private key by kid (default: the signing key), including keys withdrawn while this process ran. */
  async privateKey(kid?: string): Promise<{ kid: string; key: KeyLike }> {
    const keys = await this.keys();
    const wanted = kid ?? (await this.signingKey()).kid;
    const cached = this.privateKeys.get(wanted);
    if (cached) return { kid: wanted, key: cached };
    const stored = keys.find((candidate) => candidate.kid === wanted);
    if (!stored) throw new Error(`Unknown realm key: ${wanted}`);
    return { kid: wanted, key: await this.importPrivateKey(stored) };
  }

  private async importPrivateKey(stored: StoredRealmKey): Promise<KeyLike> {
    const key = (await importJWK(stored.privateJwk, ALG)) as KeyLike;
    this.privateKeys.set(stored.kid, key);
    return key;
  }

  /** Adds a new signing key beside the published ones and returns its kid. */
  async rotate(): Promise<string> {
    const fresh = await generateRealmKey();
    await this.update((keys) => [...keys.map((key) => ({ ...key, signing: false })), fresh]);
    this.log('realm key rotated', { kid: fresh.kid });
    return fresh.kid;
  }

  /** Removes a key from the published set; the signing key cannot be withdrawn (rotate first). */
  async withdraw(kid: string): Promise<void> {
    await this.update((keys) => {
      const target = keys.find((key) => key.kid === kid);
      if (!target) throw new Error(`Unknown realm key: ${kid}`);
      if (target.signing) {
        throw new Error(`Key ${kid} is the signing key; rotate to a new key before withdrawing it`);
      }
      return keys.filter((key) => key.kid !== kid);
    });
    this.log('realm key withdrawn', { kid });
  }

  private async update(change: (keys: StoredRealmKey[]) => StoredRealmKey[]): Promise<void> {
    await withFileLock(this.file, async () => {
      // Read inside the lock: the file is the truth, whatever this process cached.
      const { keys } = await this.load(true);
      const next = change(keys);
      for (const removed of keys.filter((key) => !next.some((kept) => kept.kid === key.kid))) {
        await this.importPrivateKey(removed);
      }
      await this.write({ keys: next });
      await this.load(true);
    });
  }

  private async current(): Promise<Snapshot> {
    const signature = await this.signature();
    if (signature === undefined) {
      this.log('key file disappeared; creating a new one', { file: this.file });
      await this.ensureFile();
      return this.load(true);
    }
    if (this.snapshot && this.snapshot.signature === signature) return this.snapshot;
    return this.load(false);
  }

  private async load(strict: boolean): Promise<Snapshot> {
    try {
      const signature = (await this.signature()) ?? '';
      const keys = parseKeyFile(await readFile(this.file, 'utf8'), this.file);
      const reloaded = this.snapshot !== undefined && this.snapshot.signature !== signature;
      this.snapshot = { signature, keys };
      if (reloaded) this.log('key file reloaded', { kids: keys.map((key) => key.kid) });
      return this.snapshot;
    } catch (error) {
      // A running server keeps its last good key set rather than failing every request.
      if (strict || !this.snapshot) throw error;
      this.log('key file unreadable; keeping the previous key set', { error: String(error) });
      return this.snapshot;
    }
  }

  private async signature(): Promise<string | undefined> {
    try {
      const info = await stat(this.file, { bigint: true });
      return `${info.ino}:${info.mtimeNs}:${info.ctimeNs}:${info.size}`;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    }
  }

  private async ensureFile(): Promise<void> {
    if ((await this.signature()) !== undefined) return;
    await mkdir(dirname(this.file), { recursive: true });
    const fresh = await generateRealmKey();
    await withFileLock(this.file, async () => {
      // Another process may have created it while this one generated its key.
      if ((await this.signature()) !== undefined) return;
      await this.write({ keys: [fresh] });
      this.log('key file created', { file: this.file, kid: fresh.kid });
    });
  }

  private async write(content: { keys: StoredRealmKey[] }): Promise<void> {
    // Write then rename, so a reader never sees half a file.
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.file);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

function parseKeyFile(text: string, file: string): StoredRealmKey[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Key file ${file} is not valid JSON: ${String(error)}`);
  }
  const result = keyFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(`Key file ${file} is invalid: ${problems.join('; ')}`);
  }
  return result.data.keys.map((key) => ({ ...key, privateJwk: key.privateJwk as JWK }));
}

export async function generateRealmKey(): Promise<StoredRealmKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
  const exportedPublic = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(exportedPublic);
  const publicJwk: RealmPublicJwk = {
    kid,
    kty: 'RSA',
    alg: ALG,
    use: 'sig',
    n: exportedPublic.n as string,
    e: exportedPublic.e as string,
  };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  return { kid, privateJwk, publicJwk, createdAt: new Date().toISOString(), signing: true };
}

/** CLI helpers: each opens the file (creating it if needed), changes it and returns. */
export async function rotateKeyFile(file: string): Promise<string> {
  return (await KeyStore.open(file)).rotate();
}

export async function withdrawKeyFile(file: string, kid: string): Promise<void> {
  await (await KeyStore.open(file)).withdraw(kid);
}

export async function listKeyFile(file: string): Promise<RealmKeyInfo[]> {
  return (await KeyStore.open(file)).list();
}
