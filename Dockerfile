# syntax=docker/dockerfile:1
# The dashboard as a container: Next's standalone server, non-root, fit for a read-only root file system (the only
# writes go to /tmp: mount a tmpfs or emptyDir there). deploy/kubernetes.yaml runs it; README "Running in a container".
# e2e/deploy-layout.spec.ts builds the same folder layout without Docker (CI has none) and starts the server from it:
# keep the COPY lines of the last stage and that test in step.

ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# Files belong to root and are not writable by the server's user; Next's cache dir is a link into /tmp.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY deploy/healthcheck.mjs ./deploy/healthcheck.mjs
RUN ln -s /tmp/next-cache .next/cache
USER 10001:10001
EXPOSE 3000
# Configuration only (GET /api/health parses it); never ARM, never the authority.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
CMD ["node", "server.js"]
