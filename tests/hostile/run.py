#!/usr/bin/env python3
"""Runs every hostile input of tests/hostile/ through kaohe as its own process.

Usage: run.py SOURCE_DIR KAOHE_BINARY WORK_DIR [--sanitized] [CASE ...]

A case is an input file `<case>.<ext>` (or a generator `<case>.gen.py` that writes `input.<ext>`
into the folder it is given, for inputs too large to keep) and `<case>.expected`. The .expected file's
first line is `exit N`; the lines after it are directives:

  args: lint --facts {input}     the command line; {input} is the input's path, {src} the source
                                 tree, {work} a scratch folder for this case (outputs go there)
                                 default by prefix: rules_ lint --rules, facts_ lint --facts,
                                 cues_ lint --cues, anything else extract
  env: NAME=VALUE                set for kaohe (repeatable)
  budget: 30 s 1024 MiB          wall time and peak resident memory the run may use; the run is
                                 killed past 3x the time, and its address space is limited to
                                 4x the memory (not under the sanitizers, which reserve far more)
  out: TEXT                      stdout must contain TEXT
  absent: TEXT                   neither stdout nor stderr may contain TEXT
  no line starts: TEXT           no line of stdout or stderr starts with TEXT after leading white
                                 space (how GitHub's runner finds workflow commands)
  file: NAME contains TEXT       the file {work}/NAME must contain TEXT
  TEXT                           stderr must contain TEXT

Without a budget line a case gets 60 s and 1024 MiB. A case fails when kaohe exits otherwise,
crashes, runs out of its time or memory, or a text is missing or present where it must not be.
Budgets are generous bounds (several times the expected cost), not timings: they turn a
quadratic or unbounded path into a failure, and a fast machine never makes a case pass that
should fail.
"""
import os
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_SECONDS = 60.0
DEFAULT_MIB = 1024


def parse_expected(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("exit "):
        raise ValueError(f"{path}:1: the first line must be 'exit N'")
    case = {
        "exit": int(lines[0][5:]),
        "args": None,
        "env": {},
        "seconds": DEFAULT_SECONDS,
        "mib": DEFAULT_MIB,
        "err": [],
        "out": [],
        "absent": [],
        "line_starts": [],
        "files": [],
    }
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        key, sep, rest = line.partition(": ")
        if sep and key == "args":
            case["args"] = rest
        elif sep and key == "env":
            name, _, value = rest.partition("=")
            case["env"][name] = value
        elif sep and key == "budget":
            words = rest.split()
            if len(words) != 4 or words[1] != "s" or words[3] != "MiB":
                raise ValueError(f"{path}:{number}: budget is 'N s M MiB'")
            case["seconds"], case["mib"] = float(words[0]), int(words[2])
        elif sep and key == "out":
            case["out"].append(rest)
        elif sep and key == "absent":
            case["absent"].append(rest)
        elif sep and key == "no line starts":
            case["line_starts"].append(rest)
        elif sep and key == "file":
            name, _, text = rest.partition(" contains ")
            case["files"].append((name, text))
        else:
            case["err"].append(line)
    return case


def default_args(name):
    if name.startswith("rules_"):
        return "lint --rules {input}"
    if name.startswith("facts_"):
        return "lint --facts {input}"
    if name.startswith("cues_"):
        return "lint --cues {input}"
    return "extract {input}"


def run_case(src, kaohe, work_root, sanitized, expected_path):
    stem = expected_path.name[: -len(".expected")]
    case = parse_expected(expected_path)
    work = work_root / stem
    work.mkdir(parents=True, exist_ok=True)
    generator = expected_path.with_name(stem + ".gen.py")
    if generator.exists():
        # The generator writes its input as {work}/input.<ext>.
        subprocess.run([sys.executable, str(generator), str(work)], check=True, cwd=work)
        made = sorted(p for p in work.iterdir() if p.name.startswith("input."))
        if len(made) != 1:
            return [f"{generator.name} must write one input.<ext> file into {work}"]
        input_path = made[0]
    else:
        inputs = [p for p in expected_path.parent.iterdir()
                  if p.name.startswith(stem + ".") and p.name != expected_path.name]
        if len(inputs) != 1:
            return [f"{stem}: expected one input file beside the .expected file, found "
                    f"{[p.name for p in inputs]}"]
        input_path = inputs[0]

    args_text = case["args"] or default_args(stem)
    args = [a.replace("{input}", str(input_path)).replace("{src}", str(src))
            .replace("{work}", str(work)) for a in shlex.split(args_text)]
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "NO_COLOR", "TERM")}
    env.update(case["env"])

    seconds = case["seconds"] * (10 if sanitized else 1)
    limit_bytes = case["mib"] * 4 * 1024 * 1024

    def limit():
        if not sanitized:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    start = time.monotonic()
    proc = subprocess.Popen([str(kaohe)] + args, cwd=src, env=env, stdin=subprocess.DEVNULL,
                            stdout=open(work / "stdout", "wb"),
                            stderr=open(work / "stderr", "wb"), preexec_fn=limit)
    problems = []
    deadline = start + 3 * seconds
    status = None
    usage = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            problems.append(f"killed after {3 * seconds:.0f} s")
            break
        time.sleep(0.02)
    wall = time.monotonic() - start
    peak_mib = usage.ru_maxrss / 1024
    out = (work / "stdout").read_bytes().decode("utf-8", "replace")
    err = (work / "stderr").read_bytes().decode("utf-8", "replace")

    if os.WIFSIGNALED(status):
        problems.append(f"ended by signal {os.WTERMSIG(status)}")
    else:
        code = os.WEXITSTATUS(status)
        if code != case["exit"]:
            problems.append(f"exit {code}, expected {case['exit']}")
    if wall > seconds:
        problems.append(f"took {wall:.1f} s, budget {case['seconds']:.0f} s")
    if not sanitized and peak_mib > case["mib"]:
        problems.append(f"peak {peak_mib:.0f} MiB, budget {case['mib']} MiB")
    for text in case["err"]:
        if text not in err:
            problems.append(f"stderr lacks: {text}")
    for text in case["out"]:
        if text not in out:
            problems.append(f"stdout lacks: {text}")
    for text in case["absent"]:
        if text in out or text in err:
            problems.append(f"output contains: {text}")
    for text in case["line_starts"]:
        # The runner splits lines at LF, CR and CRLF and trims Unicode white space off their
        # start; splitlines and lstrip split and trim at those characters and a few more.
        if any(line.lstrip().startswith(text) for line in (out + "\n" + err).splitlines()):
            problems.append(f"a line starts with: {text}")
    for name, text in case["files"]:
        path = work / name
        if not path.exists():
            problems.append(f"no file {name}")
        elif text not in path.read_bytes().decode("utf-8", "replace"):
            problems.append(f"{name} lacks: {text}")
    if problems:
        problems.append("command: " + " ".join(shlex.quote(a) for a in [str(kaohe)] + args))
        problems.append("stderr (first 2000 bytes): " + err[:2000])
    print(f"{'ok  ' if not problems else 'FAIL'} {stem} ({wall:.2f} s, {peak_mib:.0f} MiB)")
    return problems


def main():
    positional = [a for a in sys.argv[1:] if not a.startswith("--")]
    sanitized = "--sanitized" in sys.argv
    if len(positional) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, kaohe, work_root = (Path(p).resolve() for p in positional[:3])
    only = set(positional[3:])
    directory = src / "tests" / "hostile"
    cases = sorted(directory.glob("*.expected"))
    if only:
        cases = [c for c in cases if c.name[: -len(".expected")] in only]
    failed = 0
    for expected in cases:
        problems = run_case(src, kaohe, work_root, sanitized, expected)
        if problems:
            failed += 1
            for p in problems:
                print("     " + p)
    passed = len(cases) - failed
    print(f"hostile: {passed} passed, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
