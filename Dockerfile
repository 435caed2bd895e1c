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

############################## build ##############################
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src

# 1. The POMs alone, then every dependency and plugin: this layer is reused until a pom.xml changes,
#    so editing Java code does not download the world again. (A new module must be added here too.)
COPY pom.xml ./
COPY stripe-emulator/pom.xml stripe-emulator/
COPY workflows/pom.xml workflows/
COPY worker/pom.xml worker/
COPY api/pom.xml api/
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline

# 2. The sources. Test sources too: -DskipTests still compiles them, and api's tests use the
#    workflows test-jar, so the reactor needs them to package.
COPY stripe-emulator/src stripe-emulator/src
COPY workflows/src workflows/src
COPY worker/src worker/src
COPY api/src api/src
RUN mvn -B -q package -DskipTests

# 3. Pick each service's runnable (shaded) jar under a fixed name. The shade plugin writes it either as
#    target/order-<module>.jar (when the POM sets an outputFile) or over target/<module>-<version>.jar;
#    whichever it is, it must contain Dropwizard, or the build stops here instead of at run time.
RUN set -eu; \
    mkdir -p /out; \
    for module in api worker; do \
      jar_file="$module/target/order-$module.jar"; \
      if [ ! -f "$jar_file" ]; then \
        jar_file="$(ls "$module"/target/"$module"-*.jar | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n 1)"; \
      fi; \
      if ! jar tf "$jar_file" | grep -q '^io/dropwizard/'; then \
        echo "$jar_file is not the shaded $module jar" >&2; exit 1; \
      fi; \
      cp "$jar_file" "/out/$module.jar"; \
    done

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
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${ADMIN_PORT}/healthcheck" || exit 1

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
COPY --from=build /out/worker.jar /app/app.jar
LABEL org.opencontainers.image.title="order-engine-worker" \
      org.opencontainers.image.description="Order engine Temporal worker (Dropwizard)"

############################## api ##############################
# The public HTTP API under /api (8080) and its admin port (8081). Last, so a plain
# `docker build .` builds the api.
FROM runtime AS api
ENV HTTP_PORT=8080 \
    ADMIN_PORT=8081
EXPOSE 8080 8081
COPY --from=build /out/api.jar /app/app.jar
LABEL org.opencontainers.image.title="order-engine-api" \
      org.opencontainers.image.description="Order engine HTTP API (Dropwizard)"
