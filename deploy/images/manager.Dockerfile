# The manager's image, for deploy/kubernetes/manager.yaml. Build context: the repository's root, after
# ./mvnw -DskipTests package (which builds the jar with Spring AOT, which -Dspring.aot.enabled=true below needs):
#   docker build -f deploy/images/manager.Dockerfile -t runtime-manager:0.1.0-SNAPSHOT .
# or deploy/images/build.sh for all the images; manager.Dockerfile.dockerignore keeps the context to the jar and the
# catalog. Built and run on the machines this was written on with podman 4.3 and with Docker 20.10 (a daemon started
# there by hand), on the Debian base of base-image.sh: with RUNTIME_BACKEND=local by check.sh, and with
# RUNTIME_BACKEND=kubernetes against fabric8's mock API server; not built on eclipse-temurin:17-jre (no registry
# there), not run in a cluster (docs/kubernetes.md).
# The base: eclipse-temurin:17-jre from Docker Hub unless --build-arg BASE_IMAGE names another Java 17 image, such as
# runtime-service/jre:17-bookworm that base-image.sh builds from Debian's packages where no registry can be reached.
# Its full name, since podman resolves no short name without registries.conf's unqualified-search-registries.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
COPY manager/target/runtime-manager.jar /opt/runtime-manager/runtime-manager.jar
# The catalog: the built-in agents' descriptors, whose image: names the agents' images (RUNTIME_BACKEND=kubernetes
# runs those; jar: and jvm-args: are for the local backend). Add an agent by adding its folder here.
COPY agents/vfs/agent.yml /opt/runtime-manager/agents/vfs/agent.yml
COPY agents/kendra/agent.yml /opt/runtime-manager/agents/kendra/agent.yml
COPY agents/gpt4/agent.yml /opt/runtime-manager/agents/gpt4/agent.yml
COPY agents/orchestrator/agent.yml /opt/runtime-manager/agents/orchestrator/agent.yml
# Its logs and state file in a folder of its own user; nothing there needs to outlive the pod (a manager started
# again finds its agents from their pods' labels). The catalog stays root's and read-only: with
# RUNTIME_BACKEND=kubernetes a launch's resources go from memory into the pod's Secret, and nothing is written into an
# agent's folder.
RUN mkdir -p /var/lib/runtime-manager && chown 10001:10001 /var/lib/runtime-manager
WORKDIR /var/lib/runtime-manager
ENV AGENTS_DIR=/opt/runtime-manager/agents \
    LOG_DIR=/var/lib/runtime-manager/logs \
    STATE_DIR=/var/lib/runtime-manager/state \
    RUNTIME_BACKEND=kubernetes
USER 10001:10001
EXPOSE 8000
# The JVM options of bin/runtime-manager (its comments say why), without its class archive, which is tied to the
# exact JDK it was recorded with. -XX:TrimNativeHeapInterval is given as bin/runtime-manager gives it on JDK 17.0.15
# or later, which both bases have (eclipse-temurin:17-jre, and Debian's 17.0.21 of base-image.sh); a BASE_IMAGE with
# an older JDK must drop it, or the JVM refuses to start.
ENTRYPOINT ["java", \
    "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xmn4m", "-XX:TrimNativeHeapInterval=5000", \
    "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", \
    "-XX:-ShrinkHeapInSteps", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", \
    "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Dspring.aot.enabled=true", \
    "-jar", "/opt/runtime-manager/runtime-manager.jar"]
