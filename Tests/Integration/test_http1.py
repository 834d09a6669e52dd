"""HTTP/1.1 over TLS against the real binary: keep-alive, pipelining, limits, routing."""
import socket
import time

from conftest import read_http_response


def test_healthz_over_tls_with_curl(edge):
    result = edge.curl("-i", f"{edge.url}/healthz")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("HTTP/1.1 200")
    assert result.stdout.endswith("ok\n")


def test_keep_alive_reuses_one_connection(edge):
    result = edge.curl("-v", f"{edge.url}/healthz", f"{edge.url}/healthz")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\nok\n"
    assert "Re-using existing connection" in result.stderr or "Reusing existing connection" in result.stderr


def test_pipelined_requests_are_answered_in_order(edge):
    with edge.tls_socket() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                     b"GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n"
                     b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        statuses = []
        rest = b""
        for _ in range(3):
            status, _, body, rest = read_http_response(sock, rest)
            statuses.append(status)
        assert statuses == [200, 404, 200]


def test_request_split_into_single_bytes(edge):
    with edge.tls_socket() as sock:
        for byte in b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n":
            sock.sendall(bytes([byte]))
        status, _, body, _ = read_http_response(sock)
        assert (status, body) == (200, b"ok\n")


def test_unknown_path_is_404(edge):
    result = edge.curl("-i", f"{edge.url}/elsewhere")
    assert result.stdout.startswith("HTTP/1.1 404")


def status_of_raw(edge, payload, read_timeout=10):
    with edge.tls_socket() as sock:
        sock.settimeout(read_timeout)
        sock.sendall(payload)
        status, headers, body, _ = read_http_response(sock)
        return status, headers


def test_malformed_request_is_400_and_closes(edge):
    status, headers = status_of_raw(edge, b"GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n")
    assert status == 400
    assert headers.get("connection") == "close"


def test_garbage_is_400(edge):
    status, _ = status_of_raw(edge, b"\x16\x03\x01 not http at all\r\n\r\n")
    assert status == 400


def test_declared_body_over_the_limit_is_413(edge):
    status, _ = status_of_raw(edge, b"POST /faye HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    b"Content-Length: 50000000\r\n\r\n")
    assert status == 413


def test_headers_over_the_limit_are_431(edge):
    status, _ = status_of_raw(edge, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    assert status == 431


def test_unsupported_version_is_505(edge):
    status, _ = status_of_raw(edge, b"GET /healthz HTTP/3.0\r\nHost: x\r\n\r\n")
    assert status == 505


def test_slow_request_gets_408_and_others_are_served_meanwhile(make_edge):
    server = make_edge(args=["--request-timeout", "1"]).start()
    with server.tls_socket() as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        result = server.curl(f"{server.url}/healthz")
        assert result.stdout == "ok\n"
        slow.settimeout(5)
        status, headers, _, _ = read_http_response(slow)
        assert status == 408
        assert 0.8 < time.time() - started < 4


def test_plain_port_redirects_to_https(edge):
    result = edge.curl("-i", f"http://127.0.0.1:{edge.http_port}/faye?x=1")
    assert result.stdout.startswith("HTTP/1.1 301")
    assert f"Location: https://127.0.0.1:{edge.https_port}/faye?x=1" in result.stdout


def test_plain_port_serves_healthz(edge):
    result = edge.curl(f"http://127.0.0.1:{edge.http_port}/healthz")
    assert result.stdout == "ok\n"


def test_metrics_are_prometheus_text(edge):
    result = edge.curl(f"{edge.url}/metrics")
    assert "# TYPE bayeux_edge_connections_accepted_total counter" in result.stdout
    accepted = [line for line in result.stdout.splitlines() if line.startswith("bayeux_edge_connections_accepted_total")]
    assert accepted and int(accepted[0].split()[-1]) >= 1


def test_plain_only_mode_serves_everything_in_clear(make_edge):
    server = make_edge(env={"FAYE_USE_SSL": "0"}).start()
    result = server.curl("-i", f"http://127.0.0.1:{server.http_port}/healthz")
    assert result.stdout.startswith("HTTP/1.1 200")
    with socket.socket() as probe:
        probe.settimeout(1)
        assert probe.connect_ex(("127.0.0.1", server.https_port)) != 0, "no TLS listener with FAYE_USE_SSL=0"


def test_idle_keep_alive_past_the_persistent_cap_is_closed(make_edge):
    server = make_edge(env={"FAYE_MAX_PERSISTENT_CONNECTIONS": "1"}).start()
    with server.tls_socket() as first, server.tls_socket() as second:
        for sock in (first, second):
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        statuses = [read_http_response(sock)[:2] for sock in (first, second)]
        assert [status for status, _ in statuses] == [200, 200]
        # One of the two may wait idle; the other is told to close.
        assert sorted(headers.get("connection", "keep-alive") for _, headers in statuses) == ["close", "keep-alive"]
