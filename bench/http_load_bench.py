#!/usr/bin/env python3
"""HTTP load benchmark: `storybank serve` beside nginx serving the same bytes, in the same run (bench/README.md).

1. Makes (once, cached under $TMPDIR) a data folder with N stories written through the Store, one published.
2. Starts `storybank serve` on a free port and reads the published story's JSON anonymously; starts nginx (own
   config in a temporary folder, `daemon off`, access_log off) serving those exact bytes as a file.
3. Runs `wrk -t2 -c64 -d10s --latency` against both; prints requests/s, p50, p99, the ratio and the goals.
4. Measures storybank's resident memory idle (after start) and at its peak under load (VmHWM, reset before).
5. Slow clients: 100 connections sending their request one byte per second while wrk measures normal requests.

Usage: http_load_bench.py [--build-dir build/bench] [--stories 100000] [--seconds 10] [--threads N]
Exit status 0 when it ran (goals met or not; the table says which), 1 when it could not run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

GOAL_RATIO = 0.4
GOAL_P99_MS = 20.0
GOAL_RSS_IDLE_MB = 30.0
GOAL_RSS_LOAD_MB = 150.0
SLOW_CLIENTS = 100

NGINX_CONF = """\
daemon off;
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    keepalive_requests 1000;
    server {{
        listen 127.0.0.1:{port};
        root {work}/www;
        location / {{ default_type "application/json"; }}
    }}
}}
"""


def fail(message: str) -> None:
    print(f"http_load_bench: {message}", file=sys.stderr)
    sys.exit(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    fail(f"{url} did not answer within {seconds:.0f} s")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        if response.status != 200:
            fail(f"{url} answered {response.status}")
        return response.read()


def memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_memory(pid: int) -> None:
    # Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so the peak is that of the load.
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def milliseconds(text: str) -> float:
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, threads: int, connections: int, seconds: int) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": 0.0, "p50_ms": float("nan"), "p99_ms": float("nan"), "non_2xx": 0, "socket_errors": 0}
    if match := re.search(r"Requests/sec:\s+([0-9.]+)", output):
        result["rps"] = float(match.group(1))
    if match := re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE):
        result["p50_ms"] = milliseconds(match.group(1))
    if match := re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE):
        result["p99_ms"] = milliseconds(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        result["non_2xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        result["socket_errors"] = sum(int(group) for group in match.groups())
    if "Requests/sec" not in output:
        fail(f"no figures in wrk's output:\n{output}")
    if result["rps"] == 0.0:
        # Nothing was answered in time (starved): no latency to report, which is worse than any.
        result["p50_ms"] = result["p99_ms"] = float("inf")
    return result


def make_data(tool: Path, folder: Path, stories: int) -> int:
    complete = folder / "complete"
    if complete.exists():
        print(f"reusing {stories} stories from {folder}", file=sys.stderr)
        return int(complete.read_text().strip())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"writing {stories} stories into {folder} (once; a few minutes)", file=sys.stderr)
    published = subprocess.run([str(tool), str(folder / "data"), str(stories)], capture_output=True, text=True,
                               check=True)
    sys.stderr.write(published.stderr)
    story_id = int(published.stdout.strip())
    complete.write_text(f"{story_id}\n")
    return story_id


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default="build/bench")
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--threads", type=int, default=0, help="storybank serve --threads (0: its default)")
    args = parser.parse_args()

    build = Path(args.build_dir)
    binary, tool = build / "storybank", build / "bench" / "http_bench_data"
    for needed in (binary, tool):
        if not needed.exists():
            fail(f"{needed} is missing; build with -DSTORYBANK_BUILD_BENCH=ON (make bench)")
    for program in ("wrk", "nginx"):
        if shutil.which(program) is None and not Path(f"/usr/sbin/{program}").exists():
            fail(f"{program} is not installed; run scripts/setup-debian.sh")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    cache = Path(tempfile.gettempdir()) / f"storybank-http-bench-{args.stories}"
    story_id = make_data(tool, cache, args.stories)
    path = f"/api/v1/stories/{story_id}"

    work = Path(tempfile.mkdtemp(prefix="storybank-http-bench-"))
    work.chmod(0o755)  # nginx's workers may run as another user: they must read the file
    processes: list[subprocess.Popen] = []
    try:
        port = free_port()
        command = [str(binary), "--data", str(cache / "data"), "serve", "--port", str(port)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(work / "storybank.log", "w"))
        processes.append(server)
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
        except SystemExit:
            # A data folder made by an older build (another schema) is the usual reason: say how to remake it.
            print((work / "storybank.log").read_text(), file=sys.stderr)
            fail(f"storybank serve did not start; if the data folder is from an older build, delete {cache}")
        story = fetch(f"http://127.0.0.1:{port}{path}")
        parsed = json.loads(story)
        if "contact" in parsed.get("fields", {}):
            fail("the anonymous story carries contact details: wrong story or a broken public view")
        time.sleep(2)  # idle: what the server holds once started and asked once
        rss_idle = memory_mb(server.pid, "VmRSS")

        target = work / "www" / path.lstrip("/")
        target.parent.mkdir(parents=True)
        target.write_bytes(story)
        for folder in work, *[p for p in (work / "www").rglob("*") if p.is_dir()]:
            folder.chmod(0o755)
        target.chmod(0o644)
        nginx_port = free_port()
        (work / "nginx.conf").write_text(NGINX_CONF.format(work=work, port=nginx_port))
        reference = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=open(work / "nginx.log", "w"))
        processes.append(reference)
        wait_for(f"http://127.0.0.1:{nginx_port}{path}")
        if fetch(f"http://127.0.0.1:{nginx_port}{path}") != story:
            fail("nginx does not serve the same bytes")

        reset_peak_memory(server.pid)
        ours = wrk(f"http://127.0.0.1:{port}{path}", 2, 64, args.seconds)
        rss_peak = memory_mb(server.pid, "VmHWM")
        theirs = wrk(f"http://127.0.0.1:{nginx_port}{path}", 2, 64, args.seconds)

        # Slow clients: they take their connections first, then normal requests are measured beside them.
        slow_seconds = args.seconds + 8
        slow = subprocess.Popen([sys.executable, str(Path(__file__).with_name("slow_clients.py")), "127.0.0.1",
                                 str(port), path, str(SLOW_CLIENTS), str(slow_seconds)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        processes.append(slow)
        time.sleep(3)
        beside_slow = wrk(f"http://127.0.0.1:{port}{path}", 1, 8, args.seconds)
        slow_out, _ = slow.communicate(timeout=slow_seconds + 30)
        closed, bytes_sent = (int(x) for x in slow_out.split()) if slow_out.strip() else (-1, -1)
    finally:
        for process in reversed(processes):
            stop(process)

    ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else 0.0
    print(f"\nHTTP load: GET {path} ({len(story)} bytes), {args.stories} stories stored, wrk -t2 -c64 -d{args.seconds}s")
    print(f"{'':24}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'sock err':>9}")
    for name, figures in (("storybank", ours), ("nginx (reference)", theirs),
                          ("storybank, 100 slow", beside_slow)):
        print(f"{name:24}{figures['rps']:>10.0f}{figures['p50_ms']:>9.2f}{figures['p99_ms']:>9.2f}"
              f"{figures['non_2xx']:>9}{figures['socket_errors']:>9}")
    print(f"ratio storybank/nginx: {ratio:.2f}")
    print(f"RSS idle {rss_idle:.1f} MB, peak under load {rss_peak:.1f} MB")
    print(f"slow clients: {SLOW_CLIENTS} sent {bytes_sent} bytes each at 1 byte/s; the server closed {closed}")
    goals = [
        (f"req/s >= {GOAL_RATIO} x nginx", ratio >= GOAL_RATIO),
        (f"p99 <= {GOAL_P99_MS:.0f} ms", ours["p99_ms"] <= GOAL_P99_MS and ours["non_2xx"] == 0),
        (f"p99 <= {GOAL_P99_MS:.0f} ms beside {SLOW_CLIENTS} slow clients",
         beside_slow["p99_ms"] <= GOAL_P99_MS and beside_slow["non_2xx"] == 0 and beside_slow["socket_errors"] == 0),
        (f"RSS idle <= {GOAL_RSS_IDLE_MB:.0f} MB", rss_idle <= GOAL_RSS_IDLE_MB),
        (f"RSS under load <= {GOAL_RSS_LOAD_MB:.0f} MB", rss_peak <= GOAL_RSS_LOAD_MB),
    ]
    for name, met in goals:
        print(f"  goal {name}: {verdict(met)}")

    results = build / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "http_load.json").write_text(json.dumps({
        "stories": args.stories, "story_bytes": len(story), "storybank": ours, "nginx": theirs,
        "beside_slow_clients": beside_slow, "slow_clients_closed": closed, "ratio": ratio,
        "rss_idle_mb": rss_idle, "rss_peak_mb": rss_peak, "goals": {name: met for name, met in goals},
    }, indent=2) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
