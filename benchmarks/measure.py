"""Measuring a child process (wall time, CPU time, peak memory) and a built site (size on disk,
one page raw and gzip)."""

from __future__ import annotations

import gzip
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and every process it waited for
    peak_mb: float  # resident memory of the largest single process in the tree
    stdout: str
    stderr: str


class ChildFailed(RuntimeError):
    """A measured command exited with an error."""


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command and measure it with wait4, which gives this child's own resource use."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise ChildFailed(f"{' '.join(command)} exited with {process.returncode}:\n{stderr[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr)


def compressed_size(data: bytes) -> int:
    """What a server sends with gzip (level 6); files that are gzip already go as they are."""
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def site_size(folder: Path) -> tuple[int, int]:
    """Bytes (apparent size) and number of files."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def page_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), compressed_size(data)


def machine() -> dict[str, str]:
    info = {"nproc": str(os.cpu_count())}
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        info["memory"] = f"{total_kb / 1024 / 1024:.1f} GiB"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        info["cpu"] = models[0] if models else "unknown"
    info["load"] = " ".join(f"{v:.2f}" for v in os.getloadavg())
    return info
