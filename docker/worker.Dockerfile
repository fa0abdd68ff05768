# Production image of apps/worker (background jobs: the outbox delivered as e-mail). Build from
# the workspace root:
#   docker build -f docker/worker.Dockerfile -t task-force-hub/worker:local .
# It serves only /health/live and /health/ready (port 3100); it runs no migrations (the API
# image's migrate.js does, compose `migrate`). Any number of replicas may run side by side.
# Node 24 LTS, as the API; apps/worker/src/production-bundle.spec.ts starts the bundle on it.

# ---- build: every dependency, the workspace source, the webpack bundle --------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /workspace
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    CI=true

COPY package.json package-lock.json ./
# See api.Dockerfile: `npm ci` may reject the lockfile on some mirrors (shared/STACK.md, pitfall 7).
RUN npm ci --ignore-scripts --no-audit --no-fund \
    || npm install --ignore-scripts --no-audit --no-fund

COPY . .
# Output: dist/apps/worker/main.js plus a generated package.json (and pruned lockfile).
RUN npx nx build worker --configuration=production \
    && node docker/scripts/prepare-runtime-package.cjs dist/apps/worker

# ---- runtime: the bundle and production dependencies only, as a non-root user ------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3100
WORKDIR /app

COPY --from=build /workspace/dist/apps/worker/ ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm cache clean --force

USER node
EXPOSE 3100
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:3100/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
