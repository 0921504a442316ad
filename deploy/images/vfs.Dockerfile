# The vfs agent's image. Build context: agents/vfs, after ./mvnw -DskipTests package (which builds the jar with
# Spring AOT, which -Dspring.aot.enabled=true below needs):
#   docker build -f deploy/images/vfs.Dockerfile -t runtime-service/vfs:0.1.0-SNAPSHOT agents/vfs
# or deploy/images/build.sh for all the images. NOT BUILT OR RUN ON THE MACHINES THIS WAS WRITTEN ON: no Docker engine
# or registry could be reached there (docs/kubernetes.md).
# The manager's pod spec gives it the agent contract's environment (AGENT_PORT, AGENT_BIND_ADDRESS=0.0.0.0,
# AGENT_HOME=/var/lib/agent, an emptyDir; AGENT_RESOURCES_FILE from the launch's Secret; AGENT_TOKEN; MANAGER_URL).
FROM eclipse-temurin:17-jre
COPY target/vfs-agent.jar /opt/agent/vfs-agent.jar
WORKDIR /var/lib/agent
# Any non-root user: the pod's emptyDir home is writable by every user.
USER 10001:10001
EXPOSE 8001
# The JVM options of agents/vfs/agent.yml (jvm-args), which the local backend passes and an image must carry itself;
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
    "-jar", "/opt/agent/vfs-agent.jar"]
