#!/usr/bin/env python3
"""Peak RSS of bench programs, for bench/rss.mjs. Reads {"runs": N, "programs": [{"id", "commands",
"input", "env"}]} on stdin; starts each program's commands at once through `sh -c`, feeds each the
input, and prints {"method": ..., "kib": {"<id>": [KiB summed over the commands, one per run]}}.

Two ways to read a peak, best first:
- GNU time (`/usr/bin/time -f %M`): it forks the command from its own small process, so the
  floor is ~1 MB.
- os.wait4's ru_maxrss: always available, but Linux counts a child's memory before exec, and a
  child of this helper starts as a copy of it, so nothing reads below this helper's ~13 MB."""
import json
import os
import subprocess
import sys
import tempfile

GNU_TIME = "/usr/bin/time"


def has_gnu_time():
    try:
        probe = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return False
    return "GNU" in probe.stdout + probe.stderr


def run(program, use_time, scratch):
    children = []
    for i, command in enumerate(program["commands"]):
        argv = ["/bin/sh", "-c", command]
        out = os.path.join(scratch, f"{i}.rss")
        if use_time:
            argv = [GNU_TIME, "-f", "%M", "-o", out] + argv
        child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=program["env"])
        children.append((child, out))
    data = program["input"].encode()
    for child, _ in children:
        try:
            child.stdin.write(data)
            child.stdin.close()
        except BrokenPipeError:
            pass  # the program exited without reading all of stdin
    total = 0
    for child, out in children:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        if child.returncode != 0:
            raise SystemExit(f"{program['id']}: {program['commands'][0]} exited {child.returncode}")
        if use_time:
            with open(out) as f:
                total += int(f.read().strip().splitlines()[-1])
        else:
            total += usage.ru_maxrss
    return total


def main():
    spec = json.load(sys.stdin)
    use_time = has_gnu_time()
    kib = {p["id"]: [] for p in spec["programs"]}
    with tempfile.TemporaryDirectory(prefix="hookpack-rss-") as scratch:
        for _ in range(spec["runs"]):
            for program in spec["programs"]:
                kib[program["id"]].append(run(program, use_time, scratch))
    json.dump({"method": "GNU time" if use_time else "os.wait4 (floor ~13 MB)", "kib": kib}, sys.stdout)


if __name__ == "__main__":
    main()
