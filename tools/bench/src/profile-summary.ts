import { readFileSync } from 'node:fs';

/**
 * The top of a V8 CPU profile (`npm run bench -- --cpu-prof <dir>`), by self time: per function
 * and per package (a node_modules package, the hub's own code, Node's internals, GC), as shares of
 * the samples from the first HTTP request on (the process's start-up, module loading and schema
 * building, is left out: it is not what a request costs).
 * `node -r ./tools/register.js tools/bench/src/profile-summary.ts <file.cpuprofile> [top]`
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return '(the hub)';
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  const top = Number(topArg ?? 15);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Node's HTTP server hands every request to its handler through this function.
  const underRequest = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.functionName === 'parserOnIncoming') return true;
    return false;
  };
  const firstRequest = Math.max(0, profile.samples.findIndex(underRequest));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (i >= firstRequest) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)');
  const busy = total - idle.reduce((a, [, us]) => a + us, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    if (functionName === '(idle)') continue;
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\//, '')}:${lineNumber + 1}`
      : '';
    const fn = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const table = (title: string, rows: Map<string, number>) => {
    process.stdout.write(`\n| ${title} | share of busy time |\n| --- | --- |\n`);
    for (const [name, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top))
      process.stdout.write(`| ${name.replace(/\|/g, '\\|')} | ${((100 * us) / busy).toFixed(1)} % |\n`);
  };
  process.stdout.write(
    `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled from the first request on\n`,
  );
  table('package', packages);
  table('function (self time)', functions);
}

main();
