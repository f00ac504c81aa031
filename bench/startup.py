#!/usr/bin/env python
"""From the end of the install to the first page served, as `make run` does it on a fresh clone.

    .venv/bin/python bench/startup.py

On a new SQLite database (var/bench-startup.sqlite3, removed first) it times the steps of
`make run` after the install: compile_translations, migrate, load_demo_if_empty (the demo's
vectors ship with it, so only changed texts are encoded) and runserver until /en/ answers 200.
"""

import os
import platform
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765


def timed(label, args, env):
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    print(f"  {label:<22} {seconds:6.1f} s", flush=True)
    return seconds


def first_page(env):
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - started < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/en/", timeout=30) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    print(f"  {'runserver, first page':<22} {seconds:6.1f} s", flush=True)
    return seconds


def main():
    database = ROOT / "var" / "bench-startup.sqlite3"
    (ROOT / "var").mkdir(exist_ok=True)
    for path in database.parent.glob(database.name + "*"):
        if path.is_file():
            path.unlink()
        else:
            subprocess.run(["rm", "-rf", str(path)], check=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    total = timed("compile_translations", ["compile_translations"], env)
    total += timed("migrate", ["migrate", "--noinput"], env)
    total += timed("load_demo_if_empty", ["load_demo_if_empty"], env)
    total += first_page(env)
    print(f"  {'total':<22} {total:6.1f} s (target: 60 s)")


if __name__ == "__main__":
    main()
