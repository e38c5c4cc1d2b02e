#!/usr/bin/env bash
# Builds the offline base of the Jib images from the build machine's JDK, for machines that cannot pull a JRE
# image: OUT/opt/java (a jlink'd runtime, or a copy of the JDK when it has no jmods), the shared libraries that
# runtime loads (found with ldd, copied to the same paths), /etc/passwd and /etc/group naming the image's user,
# and an empty /tmp. Jib adds OUT as an extra directory on top of "scratch" (see the images profile in pom.xml).
# Usage: offline-base.sh JAVA_HOME OUT UID GID
set -euo pipefail
java_home=$1 out=$2 uid=$3 gid=$4

# Only what the services and the validator use: java.desktop is java.beans for Spring, jdk.unsupported is for
# Netty, java.sql/java.naming for Flyway and JDBC, jdk.crypto.* for TLS to an external database.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules+=,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa
modules+=,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management
modules+=,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs

stamp="$("$java_home/bin/java" -version 2>&1 | tr '\n' ' ') uid=$uid gid=$gid $(sha256sum "$0" | cut -c1-16)"
if [[ -f "$out.stamp" && "$(cat "$out.stamp")" == "$stamp" ]]; then
  exit 0
fi
rm -rf "$out" "$out.stamp"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"

if [[ -d "$java_home/jmods" ]]; then
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$out/opt/java"
else
  # a JDK without jmods (linking from the run-time image is not enabled in every build): its whole runtime
  cp -a "$java_home" "$out/opt/java"
  rm -rf "$out/opt/java/"{jmods,include,man,src.zip,demo,sample,lib/src.zip}
fi

# no display, sound or fonts in a server: java.desktop's native parts would pull in X11, ALSA and freetype
rm -f "$out/opt/java/lib/"{libawt_xawt,libjawt,libsplashscreen,libjsound,libfontmanager,liblcms,libjavajpeg}.so

# every library the runtime's executables and shared objects need, at the path the loader looks for it
mapfile -t elves < <(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \))
{
  for elf in "${elves[@]}"; do
    ldd "$elf" 2>/dev/null | grep -o '/[^ ]*' || true
  done
  # dlopen'ed by glibc itself: unwinding in pthread_exit and cancellation
  ldconfig -p | grep -o '/[^ ]*/libgcc_s\.so\.1$' | head -1 || true
} | sort -u | while read -r library; do
  case "$library" in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done

printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%s:%s:app:/tmp:/sbin/nologin\n' "$uid" "$gid" > "$out/etc/passwd"
printf 'root:x:0:\napp:x:%s:\n' "$gid" > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "$stamp" > "$out.stamp"
