import { Controller, Get, Header, Module, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '@hub/auth';

// GraphiQL 3 ships a ready UMD bundle with React 18 (STACK.md pitfall 12): served from our own
// node_modules, never a CDN. Only registered when GraphiQL is enabled (never in production).
const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  'react.js': { module: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': {
    module: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'application/javascript',
  },
  'graphiql.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Task Force Hub — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    // Paste a token from the README's curl into the Headers tab: {"Authorization": "Bearer …"}
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;

@Controller('graphiql')
class GraphiqlController {
  private readonly cache = new Map<string, Buffer>();

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('assets/:name')
  @Public()
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    let body = this.cache.get(name);
    if (!body) {
      // Resolved from each package's own folder: their `exports` maps hide these files.
      body = readFileSync(join(dirname(require.resolve(`${asset.module}/package.json`)), asset.file));
      this.cache.set(name, body);
    }
    res.type(asset.type).set('Cache-Control', 'public, max-age=3600').send(body);
  }
}

/** The GraphiQL page at /graphiql, for development. */
@Module({ controllers: [GraphiqlController] })
export class GraphiqlModule {}
