"""Latency and throughput of an alliance's partner list under concurrent clients.

    manage.py benchmark_api --settings=config.settings.bench [--clients 20] [--seconds 24]

Part of ``make bench`` (tests/benchmarks). Runs only in the benchmark database. Serves the
project with gunicorn on 127.0.0.1 (sync workers, as deploy/README.md runs it) and
sends ``GET /api/v1/partners/`` with a token of the alliance's coordinator from
``--clients`` concurrent clients (asyncio, raw HTTP/1.1 that keeps the connection
when the server allows it) for a fixed time after a warm-up that reaches every worker.
Three variants, same data, rows and server settings:

- routed: the production middleware finds the alliance by host for each request
  (``tenants.middleware.AllianceMiddleware``);
- pinned: ``tests.benchmarks.middleware.PinnedAllianceMiddleware`` serves that one
  alliance without looking at the host;
- anchor: the same 50 rows as a plain DRF list (``tests.benchmarks.anchor``), with no
  middleware but the pinning one, no authentication, permission, throttle or filter:
  what our machinery is measured against (issue 18: within 1.3 times its time).

They alternate (routed, pinned, anchor, anchor, pinned, routed), half the time each, so
that load from elsewhere on the machine falls on all alike; then one client alone asks
the routed endpoint and the anchor (the time a request takes when it never waits for a
worker). The load generator shares the machine's cores with the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from rest_framework.authtoken.models import Token

from tenants.models import Alliance, Membership, User
from tenants.roles import Role
from tenants.services.memberships import membership_create
from tests.benchmarks.alliance_data import seed_alliance_data
from tests.benchmarks.common import (
    Measurement,
    bench_slug,
    ensure_alliances,
    percentile,
    require_benchmark_database,
)
from tests.benchmarks.request_profile import breakdown

API_EMAIL = "benchmark-api@benchmark.invalid"
PATH = "/api/v1/partners/"
# Issue 18's targets, on the 2-core machine with the load generator on it.
P95_TARGET_MS = 250.0
THROUGHPUT_TARGET = 120.0
ALONE_P50_TARGET_MS = 10.0
ROUTING_COST_TARGET = 0.05
ANCHOR_RATIO_TARGET = 1.3
VARIANTS = ("routed", "pinned", "anchor", "anchor", "pinned", "routed")
LOG_DIR = settings.BASE_DIR / ".data" / "bench"


# ---------------------------------------------------------------- set-up


def api_alliance_and_token() -> tuple[Alliance, str]:
    """The alliance ``bench-001`` (with its records) and a token of its coordinator."""
    require_benchmark_database()
    ensure_alliances(1, seed=seed_alliance_data)
    connection.set_schema_to_public()
    alliance = Alliance.objects.get(slug=bench_slug(1))
    user = User.objects.filter(email=API_EMAIL).first()
    if user is None:
        user = User.objects.create_user(email=API_EMAIL, password=None)
    if not Membership.objects.filter(user=user, alliance=alliance).exists():
        membership_create(actor=None, user=user, role=Role.LOCAL_COORDINATOR, alliance=alliance)
    token, _created = Token.objects.get_or_create(user=user)
    return alliance, token.key


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(
    *, workers: int, pinned_schema: str | None, host: str, token: str, anchor: bool = False
):
    """A gunicorn serving the project with the benchmark settings (``anchor``: the plain
    DRF list of ``tests.benchmarks.anchor`` in ``pinned_schema``); yields its port."""
    port = _free_port()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    environment.pop("BUENDNISNETZ_BENCH_PINNED_SCHEMA", None)
    environment.pop("BUENDNISNETZ_BENCH_ANCHOR", None)
    if pinned_schema:
        environment["BUENDNISNETZ_BENCH_PINNED_SCHEMA"] = pinned_schema
    if anchor:
        environment["BUENDNISNETZ_BENCH_ANCHOR"] = "1"
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = (LOG_DIR / "gunicorn.log").open("a")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_serving(port, host, token, process)
        yield port
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
        if process.poll() is None:  # still serving after 20 s
            process.kill()
            process.wait()
        log.close()


def _wait_until_serving(port: int, host: str, token: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{PATH}", headers={"Host": host, "Authorization": f"Token {token}"}
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CommandError(f"gunicorn exited ({process.returncode}); see {LOG_DIR}")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            raise CommandError(f"{PATH} answered {error.code} on {host}") from error
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not answer within 60 s")


# ---------------------------------------------------------------- load


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def add(self, other: Load) -> None:
        self.latencies.extend(other.latencies)
        self.errors += other.errors
        self.seconds += other.seconds


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; (status, whether the server closes the connection)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    closes = headers.get("connection") == "close" or lines[0].startswith("HTTP/1.0")
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()
        closes = True
    return status, closes


async def _client(port: int, request: bytes, measure_from: float, until: float, load: Load):
    writer = None
    reader = None
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            status, closes = await _read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            load.errors += 1
            if writer is not None:
                writer.close()
            writer = None
            continue
        finished = time.perf_counter()
        if started >= measure_from and finished <= until:
            load.latencies.append(finished - started)
            if status != 200:
                load.errors += 1
        if closes:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


def generate_load(
    port: int, *, host: str, token: str, clients: int, warm_up: float, seconds: float
) -> Load:
    """``clients`` concurrent clients for ``warm_up + seconds``; only the last
    ``seconds`` are counted."""
    request = (
        f"GET {PATH} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Token {token}\r\n"
        "Accept: application/json\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    load = Load(seconds=seconds)

    async def run() -> None:
        start = time.perf_counter()
        measure_from, until = start + warm_up, start + warm_up + seconds
        await asyncio.gather(
            *(_client(port, request, measure_from, until, load) for _ in range(clients))
        )

    asyncio.run(run())
    return load


# ---------------------------------------------------------------- the benchmark


def _describe(load: Load) -> str:
    if not load.latencies:
        return f"no request finished within the time ({load.errors} errors)"
    p50 = percentile(load.latencies, 0.50) * 1000
    p95 = percentile(load.latencies, 0.95) * 1000
    errors = f", {load.errors} errors" if load.errors else ""
    return f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {load.throughput:.0f} req/s{errors}"


def run_variants(
    *, alliance: Alliance, token: str, workers: int, clients: int, seconds: float,
    warm_up: float, log=print,
) -> dict[str, Load]:  # fmt: skip
    host = f"{alliance.slug}.{settings.BASE_DOMAIN}"
    results = {variant: Load() for variant in VARIANTS}
    for variant in VARIANTS:
        pinned = alliance.schema_name if variant != "routed" else None
        with gunicorn(
            workers=workers, pinned_schema=pinned, host=host, token=token,
            anchor=variant == "anchor",
        ) as port:  # fmt: skip
            load = generate_load(
                port, host=host, token=token, clients=clients, warm_up=warm_up, seconds=seconds / 2
            )
        log(f"  {variant}: {_describe(load)}")
        results[variant].add(load)
    return results


def measure(
    *, workers: int, clients: int, seconds: float, warm_up: float,
    sweep: tuple[int, ...] = (), log=print,
) -> list[Measurement]:  # fmt: skip
    alliance, token = api_alliance_and_token()
    rows = []
    for count in sweep:
        host = f"{alliance.slug}.{settings.BASE_DOMAIN}"
        with gunicorn(workers=count, pinned_schema=None, host=host, token=token) as port:
            load = generate_load(
                port, host=host, token=token, clients=clients, warm_up=warm_up,
                seconds=seconds / 2,
            )  # fmt: skip
        log(f"  {count} workers: {_describe(load)}")
        rows.append(
            Measurement(
                f"partner list API, routed, {count} gunicorn sync workers",
                f"{clients} clients, {seconds / 2:.0f} s",
                _describe(load),
            )
        )
    results = run_variants(
        alliance=alliance, token=token, workers=workers, clients=clients, seconds=seconds,
        warm_up=warm_up, log=log,
    )  # fmt: skip
    # One client: the time a request takes when it never waits for a worker.
    host = f"{alliance.slug}.{settings.BASE_DOMAIN}"
    alone = {}
    for variant in ("routed", "anchor"):
        pinned = alliance.schema_name if variant == "anchor" else None
        with gunicorn(
            workers=workers, pinned_schema=pinned, host=host, token=token,
            anchor=variant == "anchor",
        ) as port:  # fmt: skip
            alone[variant] = generate_load(
                port, host=host, token=token, clients=1, warm_up=warm_up, seconds=seconds / 2
            )
        log(f"  one client, {variant}: {_describe(alone[variant])}")
    routed, pinned, anchor = results["routed"], results["pinned"], results["anchor"]
    size = f"{clients} clients, {workers} workers, {seconds:.0f} s each"
    p95 = percentile(routed.latencies, 0.95) * 1000
    cost = pinned.throughput / routed.throughput - 1 if routed.throughput else float("inf")
    p50_cost = percentile(routed.latencies, 0.5) / percentile(pinned.latencies, 0.5) - 1
    alone_p50 = {name: percentile(load.latencies, 0.5) * 1000 for name, load in alone.items()}
    ratio = alone_p50["routed"] / alone_p50["anchor"]
    one = f"1 client, {workers} workers, {seconds / 2:.0f} s"
    rows += [
        Measurement(
            "partner list API `GET /api/v1/partners/`, tenant routing by host",
            size,
            _describe(routed),
            f"p95 < {P95_TARGET_MS:.0f} ms, ≥ {THROUGHPUT_TARGET:.0f} req/s",
            p95 < P95_TARGET_MS and routed.throughput >= THROUGHPUT_TARGET,
        ),
        Measurement(
            "anchor: the same 50 rows as a plain DRF list (no middleware, auth, "
            "permissions, throttle)",
            size,
            _describe(anchor),
        ),
        Measurement(
            "same, one alliance pinned (no routing, search path once per connection)",
            size,
            _describe(pinned),
        ),
        Measurement(
            "same with tenant routing, 1 client (no waiting for a worker)",
            one,
            _describe(alone["routed"]),
            f"p50 < {ALONE_P50_TARGET_MS:.0f} ms",
            alone_p50["routed"] < ALONE_P50_TARGET_MS,
        ),
        Measurement("anchor, 1 client", one, _describe(alone["anchor"])),
        Measurement(
            "ours ÷ anchor, time per request (1 client, p50)",
            one,
            f"{ratio:.2f}×",
            f"≤ {ANCHOR_RATIO_TARGET}×",
            ratio <= ANCHOR_RATIO_TARGET,
        ),
        Measurement(
            "cost of tenant routing (pinned throughput ÷ routed − 1)",
            size,
            f"{cost * 100:+.1f} % throughput, {p50_cost * 100:+.1f} % p50",
            f"< {ROUTING_COST_TARGET * 100:.0f} %",
            cost < ROUTING_COST_TARGET,
        ),
    ]
    # Where one request's time goes, by part of the stack (tests/benchmarks/request_profile).
    rows += breakdown(host=host, token=token)
    return rows


class Command(BaseCommand):
    help = "Benchmark database only: latency and throughput of the partner list API."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
        parser.add_argument("--clients", type=int, default=20)
        parser.add_argument("--seconds", type=float, default=24.0, help="Per variant.")
        parser.add_argument("--warm-up", type=float, default=3.0)
        parser.add_argument("--sweep", type=int, nargs="*", default=[], help="Worker counts.")

    def handle(self, *args, workers, clients, seconds, warm_up, sweep, **options):
        rows = measure(
            workers=workers, clients=clients, seconds=seconds, warm_up=warm_up,
            sweep=tuple(sweep), log=self.stdout.write,
        )  # fmt: skip
        for row in rows:
            self.stdout.write(f"{row.benchmark} [{row.size}]: {row.result} {row.target}")
