# The worker image (BullMQ processors: voicemail e-mails, unanswered-call alerts, gap alerts).
# Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t dutyline-worker .
# Compiled with tsc like the gateway and run from dist with plain Node 20, which loads the ESM-only
# inversify 8 through require().

FROM node:20-bookworm AS build
WORKDIR /app
# The full image has python3, make and g++: better-sqlite3 compiles from source during npm ci.
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build && npx tsc -b apps/worker/tsconfig.app.json
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data OUTBOX_DIR=/data/outbox
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps ./apps
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# SIGTERM: stop taking jobs, let the running ones finish (SHUTDOWN_TIMEOUT_SECONDS, default 25), close.
STOPSIGNAL SIGTERM
CMD ["node", "apps/worker/dist/main.js"]
