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


def flags_of(entry):
    """The compile command without its output and input: units with the same flags can be read as one."""
    args = preprocess_args(entry)[:-4]
    return tuple(a for a in args[1:] if a != entry["file"])


def run_tidy(args, cwd):
    run = subprocess.run(["clang-tidy", "-quiet"] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return run.returncode, run.stdout.decode(errors="replace")


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
    batch_size = int(os.environ.get("CAAS_TIDY_BATCH") or 8)
    batches_dir = os.path.abspath(os.path.join(build, "tidy-batches"))
    os.makedirs(batches_dir, exist_ok=True)
    start = time.monotonic()

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        keys = dict(zip(units, pool.map(lambda u: key_of(database[u], salt, root) if cache else None, units)))
    misses = [u for u in units if not (keys[u] and os.path.exists(os.path.join(cache, keys[u])))]

    # Units compiled with the same flags are read in batches: one translation unit that includes several, so the
    # standard library, Catch2 and the other headers they share are parsed and walked once a batch instead of once a
    # unit (about 2.5 times faster for four test files). A batch that is not clean (a finding, or two files whose
    # private names collide) is read again unit by unit, and only those verdicts count.
    groups = {}
    for unit in misses:
        groups.setdefault(flags_of(database[unit]), []).append(unit)
    batches = []
    for flags, members in sorted(groups.items()):
        for i in range(0, len(members), batch_size):
            batches.append((flags, members[i:i + batch_size]))

    def remember(unit):
        if keys[unit]:
            open(os.path.join(cache, keys[unit]), "wb").close()

    def analyse_one(unit):
        code, output = run_tidy(["-p", build, unit], database[unit]["directory"])
        if code == 0:
            remember(unit)
        return [(unit, code, output)]

    def analyse_batch(index_batch):
        index, (flags, members) = index_batch
        if len(members) == 1:
            return analyse_one(members[0]), False
        path = os.path.join(batches_dir, f"batch-{index}.cpp")
        with open(path, "w", encoding="utf-8") as f:
            for unit in members:
                f.write(f'#include "{unit}"  // NOLINT(bugprone-suspicious-include)\n')
        code, _ = run_tidy([path, "--"] + list(flags), database[members[0]]["directory"])
        if code == 0:
            for unit in members:
                remember(unit)
            return [(unit, 0, "") for unit in members], False
        return [result for unit in members for result in analyse_one(unit)], True

    failed = 0
    reread = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for results, again in pool.map(analyse_batch, enumerate(batches)):
            reread += again
            for unit, code, output in results:
                if code != 0:
                    failed += 1
                    sys.stdout.write(f"== {unit}\n{output}")
    print(f"check-static: clang-tidy on {len(units)} translation units, {len(units) - len(misses)} clean before and "
          f"unchanged (cache: {cache or 'off'}), {len(misses)} read in {len(batches)} batches ({reread} read again "
          f"unit by unit), {failed} with findings ({time.monotonic() - start:.0f}s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
