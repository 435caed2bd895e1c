# syntax=docker/dockerfile:1
#
# One Dockerfile, two images. Both services are Dropwizard apps built from this Maven reactor:
#   docker build --target api    -t order-engine-api    .
#   docker build --target worker -t order-engine-worker .
# docker-compose.yml builds both. Each image runs `java -jar /app/app.jar server /app/config.yml`;
# config.yml reads its settings from the environment (see the configuration table in README.md).

# Pinned tags: a rebuild gets the same toolchain and runtime. Bump them deliberately.
ARG MAVEN_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jre-noble

############################## poms ##############################
# Every pom.xml of the reactor at its path, and nothing else. This stage reruns on any change, but the
# build stage copies its result by content, so the dependency layer below survives source edits.
# (Found, not listed: a new module needs no change here.)
FROM ${MAVEN_IMAGE} AS poms
WORKDIR /src
COPY . .
RUN find . -type f ! -name pom.xml -delete && find . -depth -type d -empty -delete

############################## build ##############################
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src

# 1. Download every dependency and plugin the real build uses, by running that build on the POMs alone
#    (empty modules package fine). Unlike dependency:go-offline this resolves the exact versions the
#    reactor picks, so step 2 downloads nothing. Reused until a pom.xml changes.
COPY --from=poms /src ./
RUN mvn -B -q package -DskipTests -pl api,worker -am \
 && find . -name target -type d -prune -exec rm -rf {} +

# 2. The sources and the real build. -pl/-am builds api, worker and what they need (test sources too:
#    -DskipTests still compiles them, and api's tests use the workflows test-jar); dev/ is not built.
COPY . .
RUN mvn -B -q package -DskipTests -pl api,worker -am

############################## runtime base ##############################
# eclipse-temurin's Ubuntu images ship curl (and wget); the HEALTHCHECK below uses curl.
FROM ${RUNTIME_IMAGE} AS runtime

# A fixed, non-root system user. UID 10001 avoids Ubuntu's default "ubuntu" user (UID 1000).
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY config.yml /app/config.yml

# In a container both connectors must listen on all interfaces: config.yml defaults the admin
# connector to 127.0.0.1, which a published port (and an orchestrator's probe) could not reach.
ENV BIND_HOST=0.0.0.0 \
    ADMIN_BIND_HOST=0.0.0.0

USER app

# Admin /healthcheck answers 200 only when the database and Temporal checks pass. ADMIN_PORT is read
# when the check runs, so it follows whatever port the container was started with.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${ADMIN_PORT:-8081}/healthcheck" || exit 1

# Heap from the container's memory limit, not the host's; die on OOM so the orchestrator restarts
# the container rather than leaving a JVM limping. Add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar", "server", "/app/config.yml"]

############################## worker ##############################
# Runs the Temporal workflows and activities; its HTTP side is only Dropwizard's, the admin port
# for health. Its own default ports keep it clear of the api when both share a host network.
FROM runtime AS worker
ENV HTTP_PORT=8082 \
    ADMIN_PORT=8083
EXPOSE 8082 8083
COPY --from=build /src/worker/target/order-worker.jar /app/app.jar
LABEL org.opencontainers.image.title="order-engine-worker" \
      org.opencontainers.image.description="Order engine Temporal worker (Dropwizard)"

############################## api ##############################
# The public HTTP API under /api (8080) and its admin port (8081). Last, so a plain
# `docker build .` builds the api.
FROM runtime AS api
ENV HTTP_PORT=8080 \
    ADMIN_PORT=8081
EXPOSE 8080 8081
COPY --from=build /src/api/target/order-api.jar /app/app.jar
LABEL org.opencontainers.image.title="order-engine-api" \
      org.opencontainers.image.description="Order engine HTTP API (Dropwizard)"
