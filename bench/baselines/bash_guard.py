#!/usr/bin/env python3
"""bash-guard as most Claude Code hooks are written today: a Python script with a few regex and
shlex checks. The startup baseline for bench/run.mjs; not a guard to rely on (it misses quoting,
wrappers and nesting that lib/guards handles). Reads the PreToolUse payload on stdin, prints the
same deny JSON as hookpack's bash-guard, or nothing."""
import json
import re
import shlex
import sys

SEPARATORS = re.compile(r"\s*(?:&&|\|\||;|\|(?!\|)|&(?!&))\s*")
CURL_PIPE_SH = re.compile(r"\b(curl|wget)\b[^;&|]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b")
FORK_BOMB = re.compile(r":\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:")
WRITE_ETC = re.compile(r">{1,2}\s*/etc/")
ROOTS = {"/", "/*", "~", "~/", "~/*", "$HOME", "$HOME/", "${HOME}", "/home", "/usr", "/etc"}
PROTECTED_BRANCHES = {"main", "master"}


def deny(reason):
    print(json.dumps({
        "hookSpecificOutput": {
            "hookEventName": "PreToolUse",
            "permissionDecision": "deny",
            "permissionDecisionReason": reason,
        }
    }))
    sys.exit(0)


def check_words(words):
    while words and words[0] in ("sudo", "command", "exec", "nohup", "time"):
        if words[0] == "sudo":
            deny("sudo is blocked: run the command without it, or ask the user to run it")
        words = words[1:]
    if not words:
        return
    name = words[0].rsplit("/", 1)[-1]
    flags = "".join(w.lstrip("-") for w in words[1:] if w.startswith("-") and not w.startswith("--"))
    long_flags = {w for w in words[1:] if w.startswith("--")}
    operands = [w for w in words[1:] if not w.startswith("-")]
    if name == "rm" and ("r" in flags.lower() or "--recursive" in long_flags):
        if any(o in ROOTS or o.rstrip("/") in ROOTS for o in operands):
            deny("rm -r on / or your home directory is blocked")
    if name == "git" and operands[:1] == ["push"]:
        forced = "f" in flags or "--force" in long_flags or any(o.startswith("+") for o in operands)
        if forced and (len(operands) < 3 or any(o.lstrip("+").split(":")[-1] in PROTECTED_BRANCHES for o in operands[2:])):
            deny("force pushes to main/master are blocked: push to a branch and open a pull request")
    if name.startswith("mkfs") or (name == "dd" and any(w.startswith("of=/dev/") for w in words)):
        deny("writing to a disk device is blocked")


def main():
    payload = json.load(sys.stdin)
    if payload.get("tool_name") != "Bash":
        return
    command = payload.get("tool_input", {}).get("command", "")
    if not isinstance(command, str):
        return
    if CURL_PIPE_SH.search(command):
        deny("piping a download into a shell is blocked: download the script, read it, then run it")
    if FORK_BOMB.search(command):
        deny("fork bomb")
    if WRITE_ETC.search(command):
        deny("writing into /etc is blocked")
    for segment in SEPARATORS.split(command):
        if not segment:
            continue
        try:
            words = shlex.split(segment, comments=True)
        except ValueError:
            deny("the command could not be parsed (unbalanced quotes), so it cannot be checked")
        check_words(words)


if __name__ == "__main__":
    main()
