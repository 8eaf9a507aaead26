#!/usr/bin/env python3
# tests/flathub-lint.py — Flathub's rules for the manifests and the listing,
# offline.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: flathub-lint.py SOURCE_ROOT METAINFO DESKTOP_FILE APP_ID
#
# flatpak-builder-lint (github.com/flathub-infra/flatpak-builder-lint,
# read at commit 3b7a092 of 2026-08-20) needs the network and Flathub's
# servers for some of its checks, and a finished build or repo for others.
# This test runs, without either, the rules that can be checked from the
# files in the checkout and the merged metainfo and desktop files. Each
# check says which upstream rule it mirrors, by the exception name the
# linter reports (module-… and finish-args-… names carry the module's or
# the permission's name in the middle, like upstream's).
#
# Manifests (flatpak/*.json and flatpak/flathub/*.json), checks/appid.py,
# toplevel.py, finish_args.py, modules.py:
#   appid-filename-mismatch, appid-length-more-than-255-chars,
#   appid-less-than-3-components, appid-component-wrong-syntax,
#   appid-too-many-components-for-app, appid-ends-with-lowercase-desktop,
#   appid-uses-code-hosting-domain, appid-code-hosting-too-few-components,
#   toplevel-no-command, toplevel-command-is-path, toplevel-unnecessary-branch,
#   toplevel-cleanup-debug, toplevel-no-modules,
#   manifest-toplevel-build-network-access, module-*-build-network-access,
#   module-*-cleanup-debug, module-*-source-dest-filename-is-path,
#   module-*-source-sha1-deprecated, module-*-source-md5-deprecated,
#   module-*-source-git-no-url, module-*-source-git-url-not-http,
#   module-*-source-git-no-tag-commit-branch,
#   module-*-source-git-no-commit-with-tag, module-*-source-git-branch,
#   module-*-multiple-git-sources-stacked,
#   module-*-source-dir-not-allowed (the Flathub manifest only: upstream
#   raises it in Flathub's pipeline only; the local manifests build the
#   checkout with a dir source on purpose),
#   finish-args-not-defined, finish-args-contains-both-x11-and-wayland,
#   finish-args-contains-both-x11-and-fallback, finish-args-x11-without-ipc,
#   finish-args-fallback-x11-without-wayland, finish-args-only-wayland,
#   finish-args-contains-inherit-wayland-socket,
#   finish-args-has-socket-gpg-agent, finish-args-has-socket-ssh-auth,
#   finish-args-has-nosocket-*, finish-args-has-unshare-*,
#   finish-args-has-nodevice-*, finish-args-arbitrary-dbus-access,
#   finish-args-{home,host,host-root,host-etc,host-os}[-ro]-filesystem-access,
#   finish-args-flatpak-spawn-access, finish-args-*-talk-name for
#   org.freedesktop.Flatpak and org.freedesktop.DBus.
#   jsonschema-validation-error is covered by build-aux/flatpak-check,
#   which parses every manifest with flatpak-builder --show-manifest.
#
# Metainfo and desktop file, checks/catalogue.py, metainfo.py,
# screenshots.py, desktop.py:
#   appstream-id-mismatch-flatpak-id, appstream-missing-developer-name,
#   appstream-missing-project-license, appstream-unsupported-component-type,
#   appstream-release-tag-missing-timestamp (a release needs a date or a
#   timestamp; compose turns the date into the timestamp),
#   appstream-latest-release-is-prerelease, metainfo-missing-launchable-tag,
#   metainfo-launchable-tag-wrong-value, metainfo-missing-screenshots,
#   metainfo-svg-screenshots, appstream-screenshot-missing-caption,
#   appstream-missing-vcs-browser-url, appstream-missing-categories,
#   desktop-file-low-quality-category, desktop-file-icon-key-wrong-value,
#   desktop-file-exec-key-absent, desktop-file-exec-has-flatpak-run,
#   desktop-file-is-hidden, desktop-file-is-nodisplay.
#   appstream-failed-validation is the data test validate-metainfo
#   (appstreamcli validate --pedantic --no-net).
#
# Flathub's quality guidelines (docs.flathub.org/docs/for-app-authors/
# metainfo-guidelines/quality-guidelines), reviewed by people, not by the
# linter, so named here by the guideline: summary 10 to 25 characters and
# the desktop Comment no longer than the summary allows to say the same;
# light and dark brand colours, the light one not near-white, the dark one
# dark enough for white text, neither in the icon's own hue; screenshots
# no larger than 1000×700 whose files exist in data/screenshots with the
# sizes the metainfo gives, a caption each, and a German set marked
# xml:lang="de"; an OARS content rating.
#
# The submission manifest (flatpak/flathub/): its module builds from a git
# source pinned by tag and commit, never a dir; it is indented by 4 spaces
# (json.dumps(indent=4)); the commit exists in this repository's history
# when the test runs in a git checkout (skipped in a tarball); the tag is
# "v" and the project's version; when the tag exists here it points at the
# commit. Both manifests name the same runtime, org.gnome.Platform, at
# least GNOME_RUNTIME.
#
# Not run offline, and why:
#   appid-url-not-reachable, appstream-flathub-manifest-url-not-reachable:
#     need the network (the homepage, the code host);
#   runtime-is-eol-*, runtime-update-available-to-*: need Flathub's list of
#     runtimes; mirrored by GNOME_RUNTIME below, the latest stable GNOME
#     runtime when this was written (GNOME 51, September 2026);
#   flathub-json-eol-rebase-target-not-on-flathub: needs Flathub's app list;
#   appstream-missing-appinfo-file, appstream-missing-icon-file,
#   appstream-icon-key-no-type, appstream-remote-icon-not-mirrored,
#   appstream-launchable-file-missing, no-exportable-icon-installed,
#   non-svg-icon-in-scalable-folder, non-png-icon-in-hicolor-size-folder,
#   desktop-file-not-installed, desktop-file-icon-not-installed,
#   elf-arch-*: check a finished build folder or repo (the output of
#   appstreamcli compose and flatpak-builder); build-aux/flatpak-check makes
#   one, but with the Debian stand-in runtime, not Flathub's;
#   appstream-screenshots-not-mirrored-in-ostree,
#   appstream-screenshots-files-not-found-in-ostree,
#   appstream-external-screenshot-url: about Flathub's screenshot mirror,
#   made while Flathub builds;
#   flatpak-repo-too-large, flat-manager-*: Flathub's build servers;
#   external-gitmodule-url-found, manifest-directory-too-large: the
#   Flathub repository of the app, not this one.

import json
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

GNOME_RUNTIME = 51
SUMMARY_MIN, SUMMARY_MAX = 10, 25
SCREENSHOT_MAX = (1000, 700)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RAW_PREFIX = "https://raw.githubusercontent.com/rubricapp/rubric/main/"

failures = []
tap = []


def check(ok, rule, detail=""):
    tap.append((ok, rule, detail))
    if not ok:
        failures.append(rule)


def skip(rule, why):
    tap.append((None, rule, why))


# ------------------------------------------------------------------ manifests


def check_appid(appid, manifest_path):
    base = os.path.splitext(os.path.basename(manifest_path))[0]
    check(appid == base, "appid-filename-mismatch", f"{appid} in {base}.json")
    check(len(appid) <= 255, "appid-length-more-than-255-chars")
    parts = appid.split(".")
    check(len(parts) >= 3, "appid-less-than-3-components")
    check(all(re.match(r"^[A-Za-z_][\w\-]*$", p) for p in parts), "appid-component-wrong-syntax")
    check(len(parts) <= 5, "appid-too-many-components-for-app")
    check(parts[-1] != "desktop", "appid-ends-with-lowercase-desktop")
    if parts[1].lower() in ("github", "gitlab"):
        check(parts[0].lower() == "io", "appid-uses-code-hosting-domain")
        check(len(parts) >= 4, "appid-code-hosting-too-few-components")


def check_finish_args(args, name):
    check(args is not None, f"finish-args-not-defined ({name})")
    args = args or []
    sockets, shares, devices, fs, talk = set(), set(), set(), set(), set()
    for a in args:
        key, _, value = a.partition("=")
        {"--socket": sockets, "--share": shares, "--device": devices, "--filesystem": fs,
         "--talk-name": talk, "--system-talk-name": talk}.get(key, set()).add(value)
        check(key not in ("--nosocket", "--unshare", "--nodevice"),
              f"finish-args-has-{key[2:]}-{value} ({name})")
    check(not ("x11" in sockets and "wayland" in sockets), f"finish-args-contains-both-x11-and-wayland ({name})")
    check(not ("x11" in sockets and "fallback-x11" in sockets), f"finish-args-contains-both-x11-and-fallback ({name})")
    check(not (sockets & {"x11", "fallback-x11"}) or "ipc" in shares, f"finish-args-x11-without-ipc ({name})")
    check("fallback-x11" not in sockets or "wayland" in sockets, f"finish-args-fallback-x11-without-wayland ({name})")
    check("wayland" not in sockets or sockets & {"x11", "fallback-x11"}, f"finish-args-only-wayland ({name})")
    check("inherit-wayland-socket" not in sockets, f"finish-args-contains-inherit-wayland-socket ({name})")
    check("gpg-agent" not in sockets, f"finish-args-has-socket-gpg-agent ({name})")
    check("ssh-auth" not in sockets, f"finish-args-has-socket-ssh-auth ({name})")
    check(not (sockets & {"session-bus", "system-bus"}), f"finish-args-arbitrary-dbus-access ({name})")
    for f in fs:
        matched = re.fullmatch(r"^(home|host|host-root|host-etc|host-os|~/?)(:rw|:create|:ro)?$", f)
        if matched:
            path = "home" if matched.group(1) in ("~", "~/", "home") else matched.group(1)
            ro = "-ro" if matched.group(2) == ":ro" else ""
            check(False, f"finish-args-{path}{ro}-filesystem-access ({name})")
    check(not talk & {"org.freedesktop.Flatpak", "org.freedesktop.Flatpak.*"},
          f"finish-args-flatpak-spawn-access ({name})")
    check("org.freedesktop.DBus" not in talk, f"finish-args-freedesktop-dbus-talk-name ({name})")


def check_module(module, flathub):
    name = module.get("name", "?")
    if "--share=network" in module.get("build-options", {}).get("build-args", []):
        check(False, f"module-{name}-build-network-access")
    if any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in module.get("cleanup", [])):
        check(False, f"module-{name}-cleanup-debug")
    git_dests = {}
    for source in module.get("sources", []):
        kind = source.get("type")
        check("/" not in source.get("dest-filename", ""), f"module-{name}-source-dest-filename-is-path")
        if kind in ("archive", "file"):
            check("sha1" not in source, f"module-{name}-source-sha1-deprecated")
            check("md5" not in source, f"module-{name}-source-md5-deprecated")
        if flathub:
            check(kind != "dir", f"module-{name}-source-dir-not-allowed")
        if kind == "git":
            url, tag, commit, branch = (source.get(k) for k in ("url", "tag", "commit", "branch"))
            check(bool(url), f"module-{name}-source-git-no-url")
            check(bool(url) and url.startswith(("http://", "https://")), f"module-{name}-source-git-url-not-http")
            check(any([tag, commit, branch]), f"module-{name}-source-git-no-tag-commit-branch")
            check(not tag or bool(commit), f"module-{name}-source-git-no-commit-with-tag")
            check(not branch or bool(re.match(r"[a-f0-9]{4,40}", branch)), f"module-{name}-source-git-branch")
            git_dests.setdefault(source.get("dest", "."), []).append(url)
    check(all(len(u) <= 1 for u in git_dests.values()), f"module-{name}-multiple-git-sources-stacked")
    for sub in module.get("modules", []):
        check_module(sub, flathub)


def check_manifest(path, flathub):
    rel = os.path.relpath(path, SRC)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    manifest = json.loads(text)
    appid = manifest.get("id", "")
    check_appid(appid, path)
    command = manifest.get("command")
    check(bool(command), f"toplevel-no-command ({rel})")
    check(not (command or "").startswith("/"), f"toplevel-command-is-path ({rel})")
    check("branch" not in manifest, f"toplevel-unnecessary-branch ({rel})")
    check(not any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in manifest.get("cleanup", [])),
          f"toplevel-cleanup-debug ({rel})")
    check(bool(manifest.get("modules")), f"toplevel-no-modules ({rel})")
    check("--share=network" not in manifest.get("build-options", {}).get("build-args", []),
          f"manifest-toplevel-build-network-access ({rel})")
    check_finish_args(manifest.get("finish-args"), rel)
    for module in manifest.get("modules", []):
        check_module(module, flathub)

    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          f"runtime org.gnome.Platform ({rel})")
    version = str(manifest.get("runtime-version", "0"))
    check(version.isdigit() and int(version) >= GNOME_RUNTIME,
          f"runtime-update-available-to-org.gnome.Platform-{GNOME_RUNTIME} ({rel})", f"runtime-version {version}")
    return manifest, text


def check_submission(path):
    manifest, text = check_manifest(path, flathub=True)
    check(text == json.dumps(manifest, indent=4, ensure_ascii=False) + "\n",
          "flathub manifest indented by 4 spaces", "json.dumps(indent=4) and a final newline")
    own = manifest["modules"][-1]
    git = [s for s in own.get("sources", []) if s.get("type") == "git"]
    check(len(git) == 1, "flathub manifest: the app's module builds from one git source")
    if not git:
        return manifest
    source = git[0]
    check(source.get("url") == f"{VCS_BROWSER}.git", "flathub manifest: git url is the metainfo's vcs-browser",
          f"{source.get('url')} vs {VCS_BROWSER}.git")
    tag, commit = source.get("tag", ""), source.get("commit", "")
    check(tag == f"v{PROJECT_VERSION}", "flathub manifest: tag is v + the project's version",
          f"{tag} vs v{PROJECT_VERSION}")
    check(bool(re.fullmatch(r"[0-9a-f]{40}", commit)), "flathub manifest: commit is a full hash")
    if not os.path.isdir(os.path.join(SRC, ".git")) and not os.path.isfile(os.path.join(SRC, ".git")):
        skip("flathub manifest: commit in this repository's history", "not a git checkout")
        return manifest
    git_cmd = ["git", "-C", SRC]
    try:
        usable = subprocess.run(git_cmd + ["rev-parse", "--verify", "-q", "HEAD"],
                                capture_output=True).returncode == 0
    except OSError:
        usable = False
    if not usable:
        # No git, or a worktree whose repository is not visible here.
        skip("flathub manifest: commit in this repository's history", "git cannot read this checkout")
        return manifest
    known = subprocess.run(git_cmd + ["cat-file", "-e", f"{commit}^{{commit}}"],
                           capture_output=True).returncode == 0
    if subprocess.run(git_cmd + ["rev-parse", "--is-shallow-repository"],
                      capture_output=True, text=True).stdout.strip() == "true" and not known:
        skip("flathub manifest: commit in this repository's history", "shallow clone")
    else:
        check(known and subprocess.run(git_cmd + ["merge-base", "--is-ancestor", commit, "HEAD"],
                                       capture_output=True).returncode == 0,
              "flathub manifest: commit in this repository's history", commit)
    tagged = subprocess.run(git_cmd + ["rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}"],
                            capture_output=True, text=True)
    if tagged.returncode == 0:
        check(tagged.stdout.strip() == commit, "flathub manifest: the tag points at the commit",
              f"{tag} is {tagged.stdout.strip()}")
    else:
        skip("flathub manifest: the tag points at the commit", f"no tag {tag} here (made at release)")
    return manifest


# ------------------------------------------------------------------- metainfo


def hex_rgb(colour):
    m = re.fullmatch(r"#([0-9a-fA-F]{6})", colour.strip())
    return tuple(int(m.group(1)[i:i + 2], 16) / 255 for i in (0, 2, 4)) if m else None


def luminance(rgb):
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hue_saturation(rgb):
    mx, mn = max(rgb), min(rgb)
    if mx == mn:
        return None, 0.0
    d = mx - mn
    r, g, b = rgb
    if mx == r:
        h = ((g - b) / d) % 6
    elif mx == g:
        h = (b - r) / d + 2
    else:
        h = (r - g) / d + 4
    light = (mx + mn) / 2
    return h * 60, d / (1 - abs(2 * light - 1))


def icon_hue(svg_path):
    """The hue of the icon's most used saturated colour."""
    with open(svg_path, encoding="utf-8") as f:
        colours = re.findall(r"(?:fill|stop-color)[=:]\"?(#[0-9a-fA-F]{6})", f.read())
    counts = {}
    for c in colours:
        hue, sat = hue_saturation(hex_rgb(c))
        if hue is not None and sat >= 0.3:
            counts[round(hue / 15)] = counts.get(round(hue / 15), 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.get) * 15


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def check_metainfo(path, appid, desktop):
    root = ET.parse(path).getroot()
    check(root.tag == "component" and root.get("type") in ("desktop", "desktop-application"),
          "appstream-unsupported-component-type")
    check(root.findtext("id") == appid, "appstream-id-mismatch-flatpak-id", f"{root.findtext('id')} vs {appid}")
    check(bool(root.findtext("developer/name")), "appstream-missing-developer-name")
    check(bool(root.findtext("project_license")), "appstream-missing-project-license")
    launchables = root.findall("launchable[@type='desktop-id']")
    check(bool(launchables), "metainfo-missing-launchable-tag")
    check(bool(launchables) and bool(re.match(rf"^{re.escape(appid)}([-.].*)?[.]desktop$", launchables[0].text or "")),
          "metainfo-launchable-tag-wrong-value")
    check(bool(root.findtext("url[@type='vcs-browser']")), "appstream-missing-vcs-browser-url")

    releases = root.findall("releases/release")
    check(bool(releases), "releases: at least one")
    check(all(r.get("date") or r.get("timestamp") for r in releases), "appstream-release-tag-missing-timestamp")
    if releases:
        latest = releases[0].get("version", "")
        check(not re.search(r"(alpha|beta|rc|pre(?:view)?|dev(?:el)?)", latest, re.I),
              "appstream-latest-release-is-prerelease", latest)
        check(latest == PROJECT_VERSION, "the latest release is the project's version", f"{latest} vs {PROJECT_VERSION}")
    check(root.find("content_rating[@type='oars-1.1']") is not None, "content rating (OARS 1.1)")

    # Summary and name, as the quality guidelines want them.
    summaries = [s for s in root.findall("summary") if s.get(XML_LANG) is None]
    summary = summaries[0].text.strip() if summaries else ""
    check(SUMMARY_MIN <= len(summary) <= SUMMARY_MAX,
          f"summary {SUMMARY_MIN}–{SUMMARY_MAX} characters", f"{summary!r} is {len(summary)}")
    check(not summary.endswith("."), "summary without a full stop")
    name = root.findtext("name") or ""
    check(0 < len(name) <= 20, "name at most 20 characters")

    # Brand colours.
    colours = {c.get("scheme_preference"): hex_rgb(c.text or "")
               for c in root.findall("branding/color[@type='primary']")}
    light, dark = colours.get("light"), colours.get("dark")
    check(light is not None and dark is not None, "brand colours for light and dark")
    white, black = (1, 1, 1), (0, 0, 0)
    if light and dark:
        check(contrast(light, white) >= 1.5, "light brand colour not near-white",
              f"contrast with white {contrast(light, white):.2f}, want ≥ 1.5")
        check(contrast(light, black) >= 4.5, "light brand colour under dark text",
              f"contrast with black {contrast(light, black):.2f}, want ≥ 4.5")
        check(contrast(dark, white) >= 4.5, "dark brand colour under white text",
              f"contrast with white {contrast(dark, white):.2f}, want ≥ 4.5")
        check(contrast(dark, black) >= 1.5, "dark brand colour not near-black",
              f"contrast with black {contrast(dark, black):.2f}, want ≥ 1.5")
        own = icon_hue(os.path.join(SRC, "data/icons/hicolor/scalable/apps/io.github.rubricapp.Rubric.svg"))
        for scheme, rgb in (("light", light), ("dark", dark)):
            hue, sat = hue_saturation(rgb)
            if own is None or hue is None or sat < 0.15:
                continue
            distance = min(abs(hue - own), 360 - abs(hue - own))
            check(distance >= 30, f"{scheme} brand colour not in the icon's hue",
                  f"hue {hue:.0f}° vs the icon's {own}°")

    # Screenshots.
    shots = root.findall("screenshots/screenshot")
    check(bool(shots), "metainfo-missing-screenshots")
    check(sum(1 for s in shots if s.get("type") == "default") == 1, "one default screenshot")
    langs = set()
    for shot in shots:
        caption = shot.findall("caption")
        check(bool(caption) and all((c.text or "").strip() for c in caption),
              "appstream-screenshot-missing-caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            lang = image.get(XML_LANG) or "en"
            langs.add(lang)
            check(not url.lower().endswith(".svg"), "metainfo-svg-screenshots", url)
            check(url.startswith(RAW_PREFIX), "screenshot from this repository", url)
            local = os.path.join(SRC, url[len(RAW_PREFIX):]) if url.startswith(RAW_PREFIX) else ""
            size = png_size(local) if os.path.isfile(local) else None
            check(size is not None, "screenshot file in the checkout", local or url)
            if size is None:
                continue
            width, height = int(image.get("width", 0)), int(image.get("height", 0))
            check((width, height) == size, "screenshot size as in the metainfo",
                  f"{url}: metainfo {width}×{height}, file {size[0]}×{size[1]}")
            check(size[0] <= SCREENSHOT_MAX[0] and size[1] <= SCREENSHOT_MAX[1],
                  f"screenshot at most {SCREENSHOT_MAX[0]}×{SCREENSHOT_MAX[1]}", f"{url} is {size[0]}×{size[1]}")
            if lang == "de":
                check("/screenshots/de/" in url, "German screenshots from data/screenshots/de", url)
    check("de" in langs, 'German screenshots (xml:lang="de")')

    # The desktop file.
    entry = {}
    with open(desktop, encoding="utf-8") as f:
        section = None
        for line in f:
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
                key, _, value = line.partition("=")
                entry[key] = value
    cats = {c for c in entry.get("Categories", "").split(";") if c}
    low = {"GTK", "Qt", "KDE", "GNOME", "Motif", "Java", "Application", "XFCE", "DDE"}
    check(bool(cats) and not cats <= low, "desktop-file-low-quality-category")
    check(bool(cats - low), "appstream-missing-categories")
    check(entry.get("Icon") == appid, "desktop-file-icon-key-wrong-value", entry.get("Icon", ""))
    check(bool(entry.get("Exec")), "desktop-file-exec-key-absent")
    check("flatpak run" not in entry.get("Exec", ""), "desktop-file-exec-has-flatpak-run")
    check(entry.get("Hidden", "false") != "true", "desktop-file-is-hidden")
    check(entry.get("NoDisplay", "false") != "true", "desktop-file-is-nodisplay")
    comment = entry.get("Comment", "")
    check(bool(comment) and len(comment) <= 2 * SUMMARY_MAX, "desktop Comment short, in line with the summary",
          f"{comment!r}")


def main():
    global SRC, PROJECT_VERSION, VCS_BROWSER
    if len(sys.argv) != 5:
        print(__doc__ or "usage: flathub-lint.py SOURCE_ROOT METAINFO DESKTOP_FILE APP_ID", file=sys.stderr)
        return 2
    SRC, metainfo, desktop, appid = sys.argv[1:]
    with open(os.path.join(SRC, "meson.build"), encoding="utf-8") as f:
        PROJECT_VERSION = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
    VCS_BROWSER = ET.parse(metainfo).getroot().findtext("url[@type='vcs-browser']") or ""

    local = [os.path.join(SRC, "flatpak", n) for n in sorted(os.listdir(os.path.join(SRC, "flatpak")))
             if n.endswith(".json")]
    versions = set()
    for path in local:
        manifest, _ = check_manifest(path, flathub=False)
        versions.add((manifest.get("runtime"), str(manifest.get("runtime-version"))))
    submission = os.path.join(SRC, "flatpak", "flathub", "io.github.rubricapp.Rubric.json")
    check(os.path.isfile(submission), "a submission manifest in flatpak/flathub/")
    if os.path.isfile(submission):
        manifest = check_submission(submission)
        versions.add((manifest.get("runtime"), str(manifest.get("runtime-version"))))
    check(len(versions) == 1, "every manifest names the same runtime", str(sorted(versions)))

    check_metainfo(metainfo, appid, desktop)

    print(f"1..{len(tap)}")
    for i, (ok, rule, detail) in enumerate(tap, 1):
        if ok is None:
            print(f"ok {i} {rule} # SKIP {detail}")
        else:
            print(f"{'ok' if ok else 'not ok'} {i} {rule}" + (f" — {detail}" if detail and not ok else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
