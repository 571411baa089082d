# One image recipe for the five Quarkus services of Tributary. Build it from the repository root after
# `mvn -DskipTests package` has left <module>/target/quarkus-app/ (the Quarkus fast-jar layout); docker-compose.yml
# passes the build arguments for each service:
#
#   docker build -f deploy/docker/service.Dockerfile \
#     --build-arg MODULE=transcode-service --build-arg HTTP_PORT=8083 --build-arg WITH_FFMPEG=true \
#     -t tributary/transcode-service:local .
#
# Nothing is compiled in the image: the jar layout Maven made is copied as it is, so the image holds exactly what
# `./tributary up` runs.
FROM eclipse-temurin:17-jre

# the Maven module whose target/quarkus-app/ this image runs: auth-service, ingest-service, transcode-service,
# thumbnail-service or archive-service
ARG MODULE
# the service's HTTP port (health, metrics, APIs): 8081 auth, 8082 ingest, 8083 transcode, 8084 thumbnail, 8085 archive
ARG HTTP_PORT=8080
# "true" for the services that run the bundled ffmpeg (transcode, thumbnail, archive): the org.bytedeco ffmpeg
# executable links libpulse.so.0 through libavdevice, which the base image lacks (STACK-NOTES.md §4)
ARG WITH_FFMPEG=false
# extra TCP ports to expose: "1935 1936" for ingest (RTMP, RTMPS)
ARG EXTRA_PORTS=""

RUN test -n "${MODULE}" || { echo "build argument MODULE is required (e.g. auth-service)" >&2; exit 1; }

# curl: the HEALTHCHECK below. libpulse0: see WITH_FFMPEG.
RUN set -eux; \
    packages="curl"; \
    if [ "${WITH_FFMPEG}" = "true" ]; then packages="$packages libpulse0"; fi; \
    apt-get update; \
    apt-get install -y --no-install-recommends $packages; \
    rm -rf /var/lib/apt/lists/*

# A fixed non-root uid/gid (10001), so Kubernetes' runAsNonRoot/runAsUser and volume ownership (fsGroup) can name it.
# /var/lib/tributary holds what a service may write besides /tmp: ingest's generated RTMPS keystore, archive's
# work directory. The javacpp cache (the unpacked ffmpeg, about 80 MB) goes to /tmp/javacpp.
RUN set -eux; \
    groupadd --system --gid 10001 tributary; \
    useradd --system --uid 10001 --gid tributary --home-dir /deployments --no-create-home --shell /usr/sbin/nologin tributary; \
    mkdir -p /deployments /var/lib/tributary /tmp/javacpp; \
    chown tributary:tributary /var/lib/tributary /tmp/javacpp

WORKDIR /deployments

# fast-jar layout, dependencies first: lib/ changes least often, so rebuilding after a code change reuses its layer
COPY --chown=tributary:tributary ${MODULE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=tributary:tributary ${MODULE}/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
COPY --chown=tributary:tributary ${MODULE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=tributary:tributary ${MODULE}/target/quarkus-app/quarkus/ /deployments/quarkus/

ENV QUARKUS_HTTP_PORT=${HTTP_PORT} \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" \
    LANG=C.UTF-8

USER 10001:10001

# EXPOSE only documents; docker-compose.yml and the Kubernetes manifests publish the ports themselves
EXPOSE ${HTTP_PORT} ${EXTRA_PORTS}

# readiness, not liveness: a service that cannot reach Kafka (or whose state is still loading) is not healthy yet
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD curl -fsS "http://127.0.0.1:${QUARKUS_HTTP_PORT}/q/health/ready" >/dev/null || exit 1

# exec: java is PID 1 and receives SIGTERM itself, so Quarkus shuts down cleanly (ingest ends its sessions).
# common.parallelism: the MinIO SDK's uploads run on the common pool, which on a container with 2 CPUs or fewer would
# start a thread per upload (see StackService.COMMON_POOL_PARALLELISM); maxCachedBufferSize: NIO's per-thread temporary
# buffers for large writes are not kept (see StackService.NIO_BUFFER_CACHE)
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -Djdk.nio.maxCachedBufferSize=262144 -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp -jar /deployments/quarkus-run.jar"]
