# The gpt4 agent's image. Build context: agents/gpt4, after ./mvnw -DskipTests package (which builds the jar with
# Spring AOT, which -Dspring.aot.enabled=true below needs):
#   docker build -f deploy/images/gpt4.Dockerfile -t runtime-service/gpt4:0.1.0-SNAPSHOT agents/gpt4
# or deploy/images/build.sh for all the images. Built and run on the machines this was written on with podman 4.3 and
# with Docker 20.10 (a daemon started there by hand), on the Debian base of base-image.sh, and checked by check.sh
# (with no network); not built on eclipse-temurin:17-jre (no registry there), not run in a cluster (docs/kubernetes.md).
# The manager's pod spec gives it the agent contract's environment (AGENT_PORT, AGENT_BIND_ADDRESS=0.0.0.0,
# AGENT_HOME=/var/lib/agent, an emptyDir; AGENT_RESOURCES_FILE from the launch's Secret; AGENT_TOKEN; MANAGER_URL).
# The embedded provider reads a GGUF file from a path (resources gguf.model_path, or GPT4_MODEL_PATH): the pods the
# manager makes mount no volume for one, so either use an OpenAI-compatible provider or build an image FROM this one
# that COPYs the model file in, and name its path in the resources.
# The base: eclipse-temurin:17-jre from Docker Hub unless --build-arg BASE_IMAGE names another Java 17 image, such as
# runtime-service/jre:17-bookworm that base-image.sh builds from Debian's packages where no registry can be reached.
# Its full name, since podman resolves no short name without registries.conf's unqualified-search-registries.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
# llama.cpp's library (libjllama.so, unpacked from the jar when the embedded provider first loads) links against
# OpenMP's libgomp.so.1, which eclipse-temurin's Ubuntu lacks: installed from the base's own apt sources at build time
# when missing. runtime-service/jre:17-bookworm has it, and then nothing is downloaded.
RUN if ! ldconfig -p | grep -q 'libgomp\.so\.1 '; then \
        apt-get update \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgomp1 \
        && rm -rf /var/lib/apt/lists/*; \
    fi
COPY target/gpt4-agent.jar /opt/agent/gpt4-agent.jar
# Any non-root user. In the pods the manager makes, an emptyDir (writable by every user) is mounted here as
# AGENT_HOME; the folder is that user's own so that the image also runs without one (docker run, podman run).
RUN mkdir -p /var/lib/agent && chown 10001:10001 /var/lib/agent
WORKDIR /var/lib/agent
USER 10001:10001
EXPOSE 8003
# The JVM options of agents/gpt4/agent.yml (jvm-args), which the local backend passes and an image must carry itself;
# the temporary folder is the container's own.
ENTRYPOINT ["java", \
    "-XX:+UseSerialGC", \
    "-XX:TieredStopAtLevel=1", \
    "-XX:CICompilerCount=1", \
    "-Xss512k", \
    "-XX:ReservedCodeCacheSize=32m", \
    "-XX:MaxMetaspaceSize=96m", \
    "-Xms16m", \
    "-Xmx96m", \
    "-XX:MinHeapFreeRatio=20", \
    "-XX:MaxHeapFreeRatio=40", \
    "-XX:-ShrinkHeapInSteps", \
    "-Dspring.aot.enabled=true", \
    "-Djava.io.tmpdir=/tmp", \
    "-jar", "/opt/agent/gpt4-agent.jar"]
