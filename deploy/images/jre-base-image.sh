#!/usr/bin/env bash
# Builds the services' base image — Debian bookworm (minbase) with the OpenJDK 17 JRE — as a `docker save` tarball,
# from Debian packages alone: no container registry, no Docker engine. Jib builds the service images on it
# (./mvnw -Pimages, deploy/kubernetes/README.md, Images). Needs root (debootstrap chroots), debootstrap, and a Debian
# mirror (MIRROR, default debootstrap's own). Usage: deploy/images/jre-base-image.sh [OUTPUT.tar]
set -euo pipefail
cd "$(dirname "$0")/../.."
output=$(realpath -m "${1:-target/images/trustline-jre17-base.tar}")
tag=trustline/jre17-base:bookworm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v debootstrap >/dev/null || { echo "jre-base-image: apt-get install debootstrap" >&2; exit 1; }
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$work/rootfs" ${MIRROR:-}
# what an image does not need: package lists and caches, docs, the build host's resolver
chroot "$work/rootfs" apt-get clean
rm -rf "$work/rootfs"/var/lib/apt/lists/* "$work/rootfs"/usr/share/doc/* "$work/rootfs"/usr/share/man/* \
  "$work/rootfs"/etc/resolv.conf "$work/rootfs"/etc/hostname
# the user the services run as (uid 185, as the Kubernetes manifests' runAsUser), without a login
chroot "$work/rootfs" useradd --uid 185 --gid 0 --no-create-home --home-dir /deployments --shell /usr/sbin/nologin trustline
mkdir -p "$work/rootfs/deployments" && chown 185:0 "$work/rootfs/deployments"

mkdir "$work/image"
tar -C "$work/rootfs" --numeric-owner --sort=name -cf "$work/image/layer.tar" .
diff_id=sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
java_home=$(ls -d "$work"/rootfs/usr/lib/jvm/java-17-openjdk-* | head -1 | sed "s|$work/rootfs||")
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"User":"185","WorkingDir":"/deployments","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
cat > "$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["$tag"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$output")"
tar -C "$work/image" -cf "$output" manifest.json config.json layer.tar
echo "jre-base-image: $tag in $output ($(du -h "$output" | cut -f1))"
