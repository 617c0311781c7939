"""Throughput of the main pages under gunicorn, relative to a static file served by whitenoise.

Usage: bench/run.sh (starts gunicorn in production mode on loopback with the demo content).
Prints requests per second per page and the share of the static-file ceiling, measured in one
run so the ratios are comparable (absolute figures drift between runs on shared machines).
Only ever sends traffic to 127.0.0.1, bounded in time.
"""

import re
import sys
import threading
import time
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8099"
DURATION = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
CONCURRENCY = 8
HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https"}


def fetch(path):
    request = urllib.request.Request(BASE + path, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def measure(path):
    counts, errors = [0] * CONCURRENCY, [0] * CONCURRENCY
    deadline = time.monotonic() + DURATION

    def worker(index):
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(path)
                counts[index] += status == 200
            except Exception:
                errors[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / DURATION, sum(errors)


def main():
    _, home = fetch("/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[^"]+\.css)"', home).group(1).decode()
    pages = ["/", "/veiledning/", "/veiledning/endringer/", "/bemanning/", "/bemanning/finn-tiltak/?behov=testing",
             "/sok/?q=smittesporing", "/helse/"]
    ceiling, _ = measure(stylesheet)
    print(f"{'page':45} {'req/s':>8} {'share':>7} errors")
    print(f"{stylesheet:45} {ceiling:8.0f} {1:7.2f} 0")
    for page in pages:
        rate, errors = measure(page)
        print(f"{page:45} {rate:8.0f} {rate / ceiling:7.2f} {errors}")


if __name__ == "__main__":
    main()
