"""The embedded PostgreSQL and Redis that a newcomer's machine runs on.

These start their own servers in a temporary folder, so they prove the first start,
the reuse by a second caller, and stopping, without touching the suite's database.
"""

import psycopg
import pytest
import redis

from devtools import embedded


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    # Short path: a unix socket path must stay under 108 bytes.
    monkeypatch.setattr(embedded, "DATA_DIR", tmp_path)
    yield tmp_path
    embedded.stop_redis()
    embedded.stop_postgres()


@pytest.mark.slow
def test_embedded_postgres_starts_creates_database_and_is_reused(data_dir):
    assert not embedded.postgres_running()
    url = embedded.postgres_url()
    assert url.endswith("/buendnisnetz")
    assert embedded.postgres_running()
    socket_dir = (data_dir / "postgres").as_posix()
    with psycopg.connect(host=socket_dir, user="postgres", dbname="buendnisnetz") as conn:
        locks = conn.execute("SHOW max_locks_per_transaction").fetchone()[0]
        assert locks == "1024"
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        assert pid > 0
    # A second caller (worker, beat, tests) gets the same server back.
    postmaster = (data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0]
    assert embedded.postgres_url() == url
    assert (data_dir / "postgres" / "postmaster.pid").read_text().splitlines()[0] == postmaster

    embedded.stop_postgres()
    assert not embedded.postgres_running()
    # Starting again keeps the data.
    assert embedded.postgres_url() == url
    assert embedded.postgres_running()


def test_embedded_redis_starts_is_reused_and_stops(data_dir):
    assert not embedded.redis_running()
    url = embedded.redis_url()
    client = redis.Redis.from_url(url)
    assert client.ping() is True
    client.set("bündnis", "jena")
    assert embedded.redis_url() == url  # reused, not a second server
    assert redis.Redis.from_url(url).get("bündnis") == b"jena"
    embedded.stop_redis()
    assert not embedded.redis_running()
    with pytest.raises(redis.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()


def test_command_line_reports_status(data_dir, capsys):
    assert embedded.main(["status"]) == 0
    assert "postgres: stopped" in capsys.readouterr().out
    assert embedded.main(["bogus"]) == 2
