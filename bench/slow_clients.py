#!/usr/bin/env python3
"""Holds N connections open to HOST:PORT, each sending a GET request one byte per second (a slowloris client), for
SECONDS seconds; then reports how many connections the server had closed by then. Used by http_load_bench.sh to
check that slow clients do not starve normal ones.

Usage: slow_clients.py HOST PORT PATH N SECONDS
"""
from __future__ import annotations

import socket
import sys
import time


def main() -> int:
    host, port, path, count, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Padding: {'x' * 200}\r\n\r\n".encode()
    sockets = []
    for _ in range(count):
        connection = socket.create_connection((host, port), timeout=5)
        connection.setblocking(False)
        sockets.append(connection)
    print(f"slow clients: {count} connections open", file=sys.stderr, flush=True)
    closed = set()
    start = time.monotonic()
    position = 0
    while time.monotonic() - start < seconds and position < len(request):
        for index, connection in enumerate(sockets):
            if index in closed:
                continue
            try:
                connection.send(request[position:position + 1])
            except OSError:
                closed.add(index)
        position += 1
        time.sleep(1)  # the point of this client: one byte per second
    for connection in sockets:
        connection.close()
    print(f"{len(closed)} {position}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
