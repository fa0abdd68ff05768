import { listKeyFile, rotateKeyFile, withdrawKeyFile } from '@hub/dev-idp';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = [
  'usage: dev-idp                     serve the realm (env: DEV_IDP_HOST, DEV_IDP_PORT, DEV_IDP_REALM, DEV_IDP_KEY_FILE)',
  '       dev-idp rotate-key          add a new signing key beside the published ones; prints its kid',
  '       dev-idp withdraw-key <kid>  stop publishing a key that no longer signs',
  '       dev-idp list-keys           print the key set (kid, createdAt, signing) as JSON',
].join('\n');

/** The key-file subcommands; a running server picks up their changes without a restart. Returns the exit code. */
export async function runKeyCommand(
  args: readonly string[],
  keyFile: string,
  output: CommandOutput,
): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'rotate-key':
        if (rest.length !== 0) break;
        output.out(await rotateKeyFile(keyFile));
        return 0;
      case 'withdraw-key':
        if (rest.length !== 1) break;
        await withdrawKeyFile(keyFile, rest[0]);
        output.out(`withdrawn ${rest[0]}`);
        return 0;
      case 'list-keys':
        if (rest.length !== 0) break;
        output.out(JSON.stringify(await listKeyFile(keyFile), null, 2));
        return 0;
      case 'help':
      case '--help':
        output.out(USAGE);
        return 0;
    }
  } catch (error) {
    output.err(`dev-idp ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  output.err(USAGE);
  return 2;
}
