# The gateway image. Build from the repository root:
#   docker build -f docker/gateway.Dockerfile -t dutyline-gateway .
# Compiled with tsc (an esbuild-style bundle would lose the decorator metadata NestJS and TypeORM
# need) and run from dist with plain Node 20, which loads the ESM-only NestJS 12 through require().

FROM node:20-bookworm AS build
WORKDIR /app
# The full image has python3, make and g++: better-sqlite3 compiles from source during npm ci.
COPY . .
RUN npm ci --no-audit --no-fund
# Every library (tsconfig.build.json), then the gateway and the libraries it references.
RUN npm run build && npx tsc -b apps/gateway/tsconfig.app.json
# The web console (apps/console/dist), served by the gateway at /.
RUN npm run build -w @dutyline/console
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
# V8 limits, as in `npm start` and the benchmark: a 16 MB young generation (fewer scavenges per webhook), old space capped under the 250 MB RSS budget.
ENV NODE_OPTIONS="--max-semi-space-size=16 --max-old-space-size=160"
WORKDIR /app
# node_modules keeps the workspace links (@dutyline/* → libs/*, whose package.json points at dist).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps ./apps
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The SIP proxy, when SIP_TARGET_URI is set (SIP_BIND_ADDRESS=0.0.0.0 and SIP_ADVERTISED_HOST in a container).
EXPOSE 5060/udp
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: /ready turns 503, requests in flight finish (10 s at most), the database closes.
STOPSIGNAL SIGTERM
CMD ["node", "apps/gateway/dist/main.js"]
