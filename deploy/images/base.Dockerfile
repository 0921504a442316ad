# A Java 17 runtime from Debian's packages, on the minimal Debian that base-image.sh made with debootstrap (see
# there). The agents' and the manager's Dockerfiles start FROM it with
# --build-arg BASE_IMAGE=runtime-service/jre:17-bookworm (build.sh: BASE_IMAGE=runtime-service/jre:17-bookworm).
ARG DEBIAN_ROOTFS=runtime-service/debian:bookworm
FROM ${DEBIAN_ROOTFS}
ARG DEBIAN_MIRROR=http://deb.debian.org/debian
ARG DEBIAN_SECURITY_MIRROR=http://deb.debian.org/debian-security
# openjdk-17-jre-headless: the JVM (no AWT/fonts: nothing here draws). libgomp1: OpenMP, which gpt4's llama.cpp
# library (libjllama.so) links against; ONNX Runtime and the tokenizer (kendra, orchestrator) need only glibc,
# libstdc++ and libgcc, which minbase has. The apt lists, caches, docs and man pages are removed afterwards.
RUN printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
        "${DEBIAN_MIRROR}" "${DEBIAN_MIRROR}" "${DEBIAN_SECURITY_MIRROR}" > /etc/apt/sources.list \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless libgomp1 \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log \
        /usr/share/doc/* /usr/share/man/* /usr/share/info/*
# Java reads its default encodings (file.encoding before Java 18, sun.jnu.encoding for file names) from the locale:
# without one they would be ASCII. C.UTF-8 is built into Debian's libc.
ENV LANG=C.UTF-8
CMD ["java", "-version"]
