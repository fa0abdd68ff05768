# Production image of apps/api, which also serves the web app (apps/web's static bundle, WEB_APP_DIR)
# under its Content-Security-Policy. Build from the workspace root:
#   docker build -f docker/api.Dockerfile -t task-force-hub/api \
#     --build-arg VITE_HUB_AUTHORITY=https://id.example.org/realms/taskforce .
# The compose file (docker/compose.yaml) builds it and runs both its entry points: `node main.js`
# (the API) and `node migrate.js` (the committed migrations).
# Node 24 is the LTS line in support (Node 20 reached end of life in April 2026);
# apps/api/src/production-bundle.spec.ts starts the bundle on the same major.

# ---- build: every dependency, the workspace source, the webpack bundle --------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /workspace
# No Nx daemon or remote cache inside an image build.
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    CI=true

COPY package.json package-lock.json ./
# `npm ci` can reject this lockfile (it names platform builds some mirrors do not serve; see
# shared/STACK.md, pitfall 7), so fall back to `npm install`. No install scripts are needed.
RUN npm ci --ignore-scripts --no-audit --no-fund \
    || npm install --ignore-scripts --no-audit --no-fund

COPY . .
# The realm the web app signs people in at: fixed in the bundle at build time (compose passes
# <KEYCLOAK_PUBLIC_URL>/realms/taskforce).
ARG VITE_HUB_AUTHORITY=http://localhost:8080/realms/taskforce
# Output: dist/apps/api/{main,migrate}.js plus a generated package.json (and pruned lockfile), and
# the web app's static bundle in dist/apps/web.
RUN npx nx build api --configuration=production \
    && node docker/scripts/prepare-runtime-package.cjs dist/apps/api \
    && VITE_HUB_AUTHORITY="$VITE_HUB_AUTHORITY" npx vite build --config apps/web/vite.config.mts

# ---- runtime: the bundle and production dependencies only, as a non-root user ------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_APP_DIR=/app/web
WORKDIR /app

# Owned by root and not writable by the `node` user that runs the API.
COPY --from=build /workspace/dist/apps/api/ ./
COPY --from=build /workspace/dist/apps/web/ ./web/
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund \
    && npm cache clean --force

USER node
EXPOSE 3000
# The slim image has no curl; Node has fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
