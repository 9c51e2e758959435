# syntax=docker/dockerfile:1
# faqbot in a container: build in one stage, run as a non-root user in the next. The steps
# themselves live in .ci/image-steps.sh, which CI runs and tests without Docker.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 compiles when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN sh /src/.ci/image-steps.sh build /src /app

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    FAQBOT_LOG_FORMAT=json \
    FAQBOT_HTTP_PORT=3000 \
    PORT=3000 \
    FAQBOT_KNOWLEDGE=/app/knowledge \
    FAQBOT_DB=/app/data/faqbot.db
WORKDIR /app
COPY --from=build /app /app
COPY .ci/image-steps.sh /usr/local/lib/faqbot/image-steps.sh
RUN sh /usr/local/lib/faqbot/image-steps.sh runtime /app
USER node
# knowledge/: your FAQ (bind-mount it; edits reload live). data/: the insights database.
VOLUME ["/app/knowledge", "/app/data"]
# Health, readiness and metrics; Slack's HTTP mode shares the port (PORT = FAQBOT_HTTP_PORT).
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/bin/healthcheck.js"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/bin/faqbot.js", "start"]
