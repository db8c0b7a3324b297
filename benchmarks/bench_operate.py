"""Operating `hanflow run` day to day: what the mechanics around a run cost, and how it fails.

    python benchmarks/bench_operate.py --repeat 3 [--against main]

Each situation is a whole `hanflow run` process tree on a terminal (a pseudo-terminal, so
that progress and status lines show as a user sees them). CPU seconds are user + sys of the
command and every descendant it waited for (the operating system's own accounting, as
`/usr/bin/time` reports it); wall seconds and the moment of the first output byte are taken
from outside. Figures are medians over `--repeat` runs. With `--against REV` the same
situations run on the code of REV (its `src/` exported into a temporary folder, put first on
PYTHONPATH), alternating with this checkout's, run for run.

Situations:
- nothing new: a run on the seeds folder (five articles) that an earlier run processed;
- first run: ten small generated pages into an empty output folder, and for this checkout,
  where its CPU goes (one process stamping each part);
- busy folder: a run on an output folder whose lock another process holds;
- damaged state: a run on an output folder whose state.sqlite was overwritten with garbage;
- API down: PREFECT_API_URL names a local port nobody listens on;
- Ctrl-C on --workers 2: Ctrl-C typed on the terminal once batches run; how long until the
  run and everything it started are gone, its exit status, what it printed after the
  Ctrl-C, and whether the next run completes and accounts for every input.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
HANFLOW = Path(sys.executable).with_name("hanflow")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
INTERRUPT_WAIT_S = 30.0
TIMEOUT_S = 300.0

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_corpus import write_corpus  # noqa: E402


@dataclass
class Outcome:
    cpu_s: float
    wall_s: float
    first_output_s: float | None
    code: int | None
    output: str
    after_interrupt: str = ""
    gone_s: float | None = None
    left_over: int = 0
    extra: dict = field(default_factory=dict)


def _tagged(tag: str) -> list[int]:
    """Processes whose environment carries `tag` (the command's whole tree, whatever its session)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if f"HANFLOW_BENCH_TAG={tag}".encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
    return found


def _kill_tagged(tag: str) -> int:
    left = _tagged(tag)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return len(left)


def _drain(fd: int, chunks: list[tuple[float, bytes]], wait: float) -> None:
    """Read what the terminal shows, waiting at most `wait` for the first bytes."""
    while select.select([fd], [], [], wait)[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the other side closed
            return
        if not data:
            return
        chunks.append((time.monotonic(), data))
        wait = 0


def run_on_terminal(cmd: list[str], env: dict[str, str], interrupt_when: Callable[[], bool] | None = None,
                    ) -> Outcome:
    """Run `cmd` on a pseudo-terminal; with `interrupt_when`, type Ctrl-C once it holds. A run
    still there INTERRUPT_WAIT_S after the Ctrl-C (or TIMEOUT_S after its start) is killed."""
    tag, start = uuid.uuid4().hex, time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(cmd[0], cmd, {**env, "HANFLOW_BENCH_TAG": tag, "COLUMNS": "100"})
    chunks: list[tuple[float, bytes]] = []
    interrupted_at = None
    while True:
        _drain(fd, chunks, 0.05)
        done, status, rusage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        now = time.monotonic()
        if interrupt_when and interrupted_at is None and interrupt_when():
            os.write(fd, b"\x03")
            interrupted_at = now
        if (interrupted_at and now - interrupted_at > INTERRUPT_WAIT_S) or now - start > TIMEOUT_S:
            _kill_tagged(tag)
            _, status, rusage = os.wait4(pid, 0)
            break
    end = time.monotonic()
    _drain(fd, chunks, 0.2)
    os.close(fd)
    time.sleep(0.5)
    left = _kill_tagged(tag)
    text = b"".join(c for _, c in chunks).decode("utf-8", "replace")
    after = b"".join(c for t, c in chunks if interrupted_at and t >= interrupted_at).decode("utf-8", "replace")
    gone = end - interrupted_at if interrupted_at and end - interrupted_at <= INTERRUPT_WAIT_S else None
    return Outcome(rusage.ru_utime + rusage.ru_stime, end - start, chunks[0][0] - start if chunks else None,
                   os.waitstatus_to_exitcode(status), _clean(text), _clean(after), gone, left)


def _clean(text: str) -> str:
    """What stays on the screen: a line rewritten after a carriage return shows its last version."""
    lines = [ANSI.sub("", line.split("\r")[-1]).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line and not line.startswith("^C"))


@dataclass
class Code:
    label: str
    env: dict[str, str]


def code_of(rev: str, tmp: Path) -> Path:
    dest = tmp / f"src-{rev.replace('/', '_')}"
    dest.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def hanflow(*args: str) -> list[str]:
    return [str(HANFLOW), "run", *args]


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _lines(text: str) -> int:
    return len([line for line in text.splitlines() if line.strip()])


def nothing_new(code: Code, tmp: Path) -> Outcome:
    out = tmp / f"{code.label}-seeds-out"
    if not out.exists():
        run_on_terminal(hanflow("--raw", str(SEEDS), "--out", str(out)), code.env)
    return run_on_terminal(hanflow("--raw", str(SEEDS), "--out", str(out)), code.env)


def first_run(code: Code, tmp: Path, raw: Path) -> Outcome:
    out = tmp / f"{code.label}-first-out"
    shutil.rmtree(out, ignore_errors=True)
    return run_on_terminal(hanflow("--raw", str(raw), "--out", str(out)), code.env)


def busy(code: Code, tmp: Path, raw: Path) -> Outcome:
    out = tmp / f"{code.label}-busy-out"
    out.mkdir(exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        return run_on_terminal(hanflow("--raw", str(raw), "--out", str(out)), code.env)


def api_down(code: Code, tmp: Path, raw: Path) -> Outcome:
    out = tmp / f"{code.label}-api-out"
    shutil.rmtree(out, ignore_errors=True)
    env = {**code.env, "PREFECT_API_URL": f"http://127.0.0.1:{_free_port()}/api"}
    return run_on_terminal(hanflow("--raw", str(raw), "--out", str(out)), env)


def damaged_state(code: Code, tmp: Path, raw: Path) -> Outcome:
    """A run on an output folder whose state.sqlite was overwritten with garbage after a run."""
    out = tmp / f"{code.label}-damaged-out"
    if not out.exists():
        run_on_terminal(hanflow("--raw", str(raw), "--out", str(out)), code.env)
    db = out / "state.sqlite"
    data = bytearray(db.read_bytes())
    data[100:4000] = bytes((i * 7919) % 251 for i in range(3900))
    db.write_bytes(bytes(data))
    for name in ("state.sqlite-wal", "state.sqlite-shm"):
        (out / name).unlink(missing_ok=True)
    return run_on_terminal(hanflow("--raw", str(raw), "--out", str(out)), code.env)


def interrupt(code: Code, tmp: Path, raw: Path) -> Outcome:
    out = tmp / f"{code.label}-ctrlc-out"
    shutil.rmtree(out, ignore_errors=True)
    since: list[float] = []

    def batches_run() -> bool:  # a run's staging folder exists once it planned; batches follow
        if not since and any((out / ".work").glob("*")):
            since.append(time.monotonic())
        return bool(since) and time.monotonic() - since[0] > 3.0

    outcome = run_on_terminal(hanflow("--raw", str(raw), "--out", str(out), "--workers", "2"), code.env,
                              batches_run)
    rerun = run_on_terminal(hanflow("--raw", str(raw), "--out", str(out), "--workers", "2"), code.env)
    sources = [json.loads(line)["source"] for kind in ("corpus", "duplicates", "rejects")
               for shard in sorted((out / kind).glob("*.jsonl")) for line in shard.read_text().splitlines()]
    n_raw = sum(1 for p in raw.rglob("*") if p.is_file())
    outcome.extra = {"next_run_code": rerun.code, "next_run_accounts": len(sources) == len(set(sources)) == n_raw}
    return outcome


def _median(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "—"
    text = f"{statistics.median(known):.2f}"
    return text if len(known) == len(values) else f"{text} ({len(values) - len(known)} never)"


def _row(situation: str, label: str, runs: list[Outcome], what: list[str]) -> str:
    cells = []
    for w in what:
        if w == "cpu":
            cells.append(f"CPU {_median([r.cpu_s for r in runs])} s")
        elif w == "wall":
            cells.append(f"wall {_median([r.wall_s for r in runs])} s")
        elif w == "first":
            cells.append(f"first output {_median([r.first_output_s for r in runs])} s")
        elif w == "code":
            cells.append("exit " + "/".join(sorted({str(r.code) for r in runs})))
        elif w == "lines":
            cells.append(f"lines {'/'.join(sorted({str(_lines(r.output)) for r in runs}))}")
        elif w == "gone":
            cells.append(f"gone after Ctrl-C {_median([r.gone_s for r in runs])} s")
        elif w == "after":
            cells.append(f"lines after Ctrl-C {'/'.join(sorted({str(_lines(r.after_interrupt)) for r in runs}))}")
        elif w == "left":
            cells.append(f"processes left {'/'.join(sorted({str(r.left_over) for r in runs}))}")
        elif w == "next":
            cells.append("next run accounts for every input: "
                         + "/".join(sorted({str(r.extra.get('next_run_accounts')) for r in runs})))
    return f"| {situation} | {label} | " + "; ".join(cells) + " |"


SITUATIONS = {
    "nothing new (seeds)": (lambda c, t, r: nothing_new(c, t), ["cpu", "wall", "first", "code"]),
    "first run, 10 small files": (lambda c, t, r: first_run(c, t, r["ten"]), ["cpu", "wall", "first", "code"]),
    "busy output folder": (lambda c, t, r: busy(c, t, r["ten"]), ["wall", "code", "lines", "cpu"]),
    "PREFECT_API_URL set, server down": (lambda c, t, r: api_down(c, t, r["ten"]), ["wall", "code", "lines", "cpu"]),
    "state.sqlite damaged": (lambda c, t, r: damaged_state(c, t, r["ten"]), ["wall", "code", "lines", "cpu"]),
    "Ctrl-C on --workers 2": (lambda c, t, r: interrupt(c, t, r["big"]),
                              ["gone", "code", "after", "left", "next"]),
}


def breakdown(raw: Path, tmp: Path, env: dict[str, str]) -> str:
    child = subprocess.run([sys.executable, __file__, "--breakdown", str(raw), str(tmp / "breakdown-out")],
                           check=True, capture_output=True, text=True, env=env)
    found = json.loads(child.stdout.strip().splitlines()[-1])
    parts = found["parts"]
    lines = [f"where a first run's CPU goes (this checkout, one run, {sum(parts.values()):.2f} CPU-s in all):"]
    lines += [f"  {name:<64} {seconds:6.2f} s" for name, seconds in parts.items()]
    lines.append(f"  (the per-document steps took {found['steps_wall_s']:.2f} s of wall time in the flow run)")
    return "\n".join(lines)


def stamped_first_run(raw: Path, out: Path) -> dict[str, float]:
    """The parts of a first run, done in this process one after the other as `hanflow run`
    and its flow process do them; CPU seconds of each (the server's own, once it stopped)."""
    import resource

    def cpu(who: int = resource.RUSAGE_SELF) -> float:
        r = resource.getrusage(who)
        return r.ru_utime + r.ru_stime

    parts, last = {}, cpu()

    def stamp(name: str) -> None:
        nonlocal last
        now = cpu()
        parts[name], last = now - last, now

    from hanflow.flow.launch import look

    look(raw, out, 20_000_000, False)
    stamp("launcher: Python, hanflow, lock and look at raw/")
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    stamp("flow process: import Prefect, read its settings")
    from hanflow.flow.entry import database_url, use_api
    from hanflow.flow.server import temporary_server

    with temporary_server(90, database_url(settings)) as url:
        use_api(url)
        stamp("flow process: start the temporary server (its own CPU below)")
        from hanflow.flow.build_corpus import build_corpus
        from hanflow.flow.recording import wait_until_recorded

        stamp("flow process: import the flow (steps, dictionaries' code)")
        state = build_corpus(raw=str(raw), out=str(out), progress=False, return_state=True)
        manifest = state.result()
        steps = sum(manifest["timings_s"]["steps"].values())
        stamp("flow process: the flow run (task runs, artifacts, logs, steps)")
        wait_until_recorded(state.state_details.flow_run_id, manifest["inputs"]["batches"] + 3)
        stamp("flow process: wait until the server recorded the task runs")
    stamp("flow process: stop the server")
    parts["temporary server process (start, run, stop)"] = cpu(resource.RUSAGE_CHILDREN)
    return {"parts": parts, "steps_wall_s": steps}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--against", help="a git revision to measure beside this checkout (e.g. main)")
    ap.add_argument("--only", nargs="*", choices=list(SITUATIONS), help="only these situations")
    ap.add_argument("--interrupt-pages", type=int, default=1200, help="pages of the Ctrl-C corpus")
    ap.add_argument("--breakdown", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.breakdown:
        print(json.dumps(stamped_first_run(*args.breakdown)))
        return
    if not SEEDS.is_dir():
        sys.exit("the shared seeds folder is not beside the repository")
    base_env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PYTHONPATH")}
    with tempfile.TemporaryDirectory(prefix="hanflow-operate-") as tmp_name:
        tmp = Path(tmp_name)
        base_env["PREFECT_HOME"] = str(tmp / "prefect-home")
        raws = {"ten": tmp / "ten", "big": tmp / "big"}
        write_corpus(raws["ten"], 10, seed=5, paras=(1, 2))
        write_corpus(raws["big"], args.interrupt_pages, seed=6, paras=(2, 4))
        codes = [Code("this", base_env)]
        if args.against:
            codes.insert(0, Code(args.against, {**base_env, "PYTHONPATH": str(code_of(args.against, tmp))}))
        run_on_terminal(hanflow("--raw", str(raws["ten"]), "--out", str(tmp / "warm-up")), base_env)
        rows = ["| situation | code | median figures |", "|---|---|---|"]
        for situation, (fn, what) in SITUATIONS.items():
            if args.only and situation not in args.only:
                continue
            runs: dict[str, list[Outcome]] = {c.label: [] for c in codes}
            for _ in range(args.repeat):
                for c in codes:
                    runs[c.label].append(fn(c, tmp, raws))
            for c in codes:
                rows.append(_row(situation, c.label, runs[c.label], what))
                sample = runs[c.label][-1]
                print(f"[{situation} / {c.label}] exit {sample.code}; output:\n"
                      + "\n".join("    " + line for line in (sample.output or "(none)").splitlines()[-12:]),
                      flush=True)
        print("\n".join(rows))
        if not args.only or "first run, 10 small files" in args.only:
            print(breakdown(raws["ten"], tmp, base_env))


if __name__ == "__main__":
    main()
