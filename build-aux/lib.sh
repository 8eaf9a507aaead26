# build-aux/lib.sh — shell helpers shared by build-aux/dev and
# build-aux/flatpak-check. Source it after setting PROG.
# SPDX-License-Identifier: GPL-3.0-or-later

if [ -t 2 ]; then B=$'\033[1m' R=$'\033[1;31m' N=$'\033[0m'; else B= R= N=; fi
say()  { printf '%s%s:%s %s\n' "$B" "$PROG" "$N" "$*" >&2; }
die()  { printf '%s%s: error:%s %s\n' "$R" "$PROG" "$N" "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Install host packages with apt when we are root, otherwise say what to run.
need_host_packages() {
  local missing=() cmd pkg
  while [ $# -gt 0 ]; do
    cmd=$1 pkg=$2; shift 2
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing host packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 -q update >/dev/null ||
      die "apt-get update failed; check the network and /etc/apt/sources.list"
    apt-get -o DPkg::Lock::Timeout=600 -q -y install --no-install-recommends "${missing[@]}" >/dev/null ||
      die "could not install ${missing[*]}"
  else
    die "missing host packages. Run:  sudo apt-get install ${missing[*]}"
  fi
}

host_mirror() {
  if [ -n "${RUBRIC_SDK_MIRROR:-}" ]; then echo "$RUBRIC_SDK_MIRROR"; return; fi
  # Reuse the host's Debian mirror: it is the one known to be reachable.
  local m
  m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
        /etc/apt/sources.list.d/*.list 2>/dev/null |
      grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -n1)
  echo "${m:-http://deb.debian.org/debian}"
}

# Unmount anything left mounted below a folder (an interrupted debootstrap
# leaves proc and sys there) and remove it without crossing into mounts.
remove_tree() {
  local dir=$1 m
  [ -e "$dir" ] || return 0
  # The stamp goes first: a removal cut short must never leave a root that
  # looks complete.
  rm -f "$dir"/.rubric-*-complete
  if command -v findmnt >/dev/null 2>&1; then
    # With nothing mounted grep finds nothing and fails: under pipefail
    # that must not end the script.
    { findmnt -rn -o TARGET | grep -F "$dir/" || true; } | sort -r | while read -r m; do
      umount -l "$m" 2>/dev/null || true
    done
  fi
  rm -rf --one-file-system "$dir"
}

# Print progress of a long step: one updating line on a terminal, a line
# every so often otherwise. Full output goes to the log.
progress() {
  local label=$1 log=$2 n=0 line
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    n=$((n + 1))
    if [ -t 2 ]; then
      printf '\r\033[K  %s: %s' "$label" "${line:0:70}" >&2
    elif [ $((n % 200)) -eq 0 ]; then
      printf '  %s: %d lines…\n' "$label" "$n" >&2
    fi
  done
  [ -t 2 ] && printf '\r\033[K' >&2
  return 0
}

# debootstrap_root DIR LOG: a minimal Debian $SUITE root in DIR from the
# host's mirror. Fails (after removing DIR) with the log's path.
debootstrap_root() {
  local dir=$1 log=$2 mirror
  mirror=$(host_mirror)
  say "  debootstrap $SUITE from $mirror (log: $log)"
  if ! debootstrap --variant=minbase --components=main "$SUITE" "$dir" "$mirror" 2>&1 |
       progress debootstrap "$log" || [ "${PIPESTATUS[0]}" != 0 ]; then
    remove_tree "$dir"
    die "debootstrap failed (see $log). Is $mirror reachable? Set RUBRIC_SDK_MIRROR to another Debian mirror."
  fi
}

# apt_install_root DIR LOG PACKAGE…: install packages into a Debian root.
# apt and dpkg run as root inside it; bwrap keeps the host's mounts out and
# leaves nothing mounted behind if we are interrupted.
apt_install_root() {
  local dir=$1 log=$2; shift 2
  cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
  if ! bwrap --bind "$dir" / --dev /dev --proc /proc --perms 1777 --tmpfs /tmp --tmpfs /run \
        --ro-bind /etc/resolv.conf /etc/resolv.conf \
        --unshare-pid --unshare-ipc --unshare-uts --die-with-parent --cap-add ALL \
        --clearenv --setenv PATH /usr/sbin:/usr/bin:/sbin:/bin --setenv HOME /root \
        --setenv LANG C.UTF-8 --setenv DEBIAN_FRONTEND noninteractive \
        /bin/sh -ec "
          printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
          apt-get -q -o Dpkg::Use-Pty=0 update
          apt-get -q -o Dpkg::Use-Pty=0 -y install --no-install-recommends $*
          apt-get clean
          rm -f /usr/sbin/policy-rc.d
          rm -rf /var/lib/apt/lists/*
        " 2>&1 | progress apt "$log" || [ "${PIPESTATUS[0]}" != 0 ]; then
    remove_tree "$dir"
    return 1
  fi
}

# Read a package list: one name a line, '#' starts a comment.
read_package_list() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | grep -v '^$'; }
