#!/usr/bin/env python3
"""clang-tidy over translation units, remembering the ones it found clean.

Usage: tools/tidy.py BUILD_DIR UNIT...   (called by tools/check-static.sh)

A unit's key is a hash of clang-tidy's version, the .clang-tidy configuration, the unit's compile command and the
unit preprocessed with its comments kept (`-E -C`: every header it includes, and every NOLINT), with the checkout's
own path taken out, so that a clone at another path finds the same keys. A unit whose key is
in the cache was analysed clean before and is not analysed again; a unit with findings is never cached, so it is
analysed, and its findings printed, on every run. The cache is a folder of empty files named by key, beside
ccache's: $CAAS_TIDY_CACHE, or $XDG_CACHE_HOME/caas-advisor/clang-tidy, or ~/.cache/caas-advisor/clang-tidy.
CAAS_TIDY_CACHE=off analyses every unit. Exit 1 when any unit has a finding or fails to analyse.
"""

import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys
import time


def cache_dir():
    given = os.environ.get("CAAS_TIDY_CACHE")
    if given:
        return None if given == "off" else given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "caas-advisor", "clang-tidy")


def preprocess_args(entry):
    """The unit's compile command, made to print the preprocessed source (with comments) on standard output."""
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c" or arg.startswith("-o"):
            continue
        out.append(arg)
    return out + ["-E", "-C", "-o", "-"]


def key_of(entry, salt, root):
    digest = hashlib.sha256(salt)
    args = preprocess_args(entry)
    digest.update("\0".join(args).replace(root, "<root>").encode())
    run = subprocess.run(args, cwd=entry["directory"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if run.returncode != 0:
        return None  # analysed without a key; clang-tidy reports what is wrong
    digest.update(run.stdout.replace(root.encode(), b"<root>"))
    return digest.hexdigest()


def main():
    build, units = sys.argv[1], [os.path.abspath(u) for u in sys.argv[2:]]
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        database = {e["file"]: e for e in json.load(f)}
    version = subprocess.run(["clang-tidy", "--version"], stdout=subprocess.PIPE, check=True).stdout
    with open(".clang-tidy", "rb") as f:
        salt = version + b"\0" + f.read() + b"\0"
    root = os.getcwd()  # the checkout (check-static.sh runs from there)
    cache = cache_dir()
    if cache:
        os.makedirs(cache, exist_ok=True)
    jobs = int(os.environ.get("CAAS_TIDY_JOBS") or os.cpu_count() or 1)
    start = time.monotonic()

    def analyse(unit):
        key = key_of(database[unit], salt, root) if cache else None
        if key and os.path.exists(os.path.join(cache, key)):
            return unit, True, 0, ""
        run = subprocess.run(["clang-tidy", "-quiet", "-p", build, unit], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        output = run.stdout.decode(errors="replace")
        if run.returncode == 0 and key:
            open(os.path.join(cache, key), "wb").close()
        return unit, False, run.returncode, output

    hits = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for unit, hit, code, output in pool.map(analyse, units):
            hits += hit
            if code != 0:
                failed += 1
                sys.stdout.write(f"== {unit}\n{output}")
    print(f"check-static: clang-tidy on {len(units)} translation units, {hits} clean before and unchanged "
          f"(cache: {cache or 'off'}), {failed} with findings ({time.monotonic() - start:.0f}s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
