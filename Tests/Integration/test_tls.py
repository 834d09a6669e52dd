"""TLS against the real binary: protocol versions, ALPN, and SIGHUP reloads."""
import signal
import subprocess
import time

import pytest

from conftest import make_leaf, read_http_response, run, free_port


def s_client(edge, *args, request=b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"):
    return subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{edge.https_port}",
                           "-servername", "localhost", "-CAfile", str(edge.ca), "-ign_eof", *args],
                          input=request, capture_output=True, timeout=20)


@pytest.mark.parametrize("version,name", [("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")])
def test_modern_versions_are_accepted(edge, version, name):
    result = s_client(edge, version)
    out = result.stdout.decode()
    assert f"Protocol  : {name}" in out or f"New, {name}" in out, out
    assert "Verify return code: 0 (ok)" in out
    assert "HTTP/1.1 200 OK" in out


def test_tls11_is_refused(edge, tmp_path, pki):
    # Prove the probe can speak TLS 1.1 at all (Debian's OpenSSL refuses it by default)
    # against a throwaway openssl s_server, then that our server refuses the same probe.
    port = free_port()
    server = subprocess.Popen(["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-cert", str(pki["cert"]),
                               "-key", str(pki["key"]), "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-www"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        probe = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-tls1_1",
                                "-cipher", "DEFAULT@SECLEVEL=0"], input=b"", capture_output=True, timeout=20)
        assert "Protocol  : TLSv1.1" in probe.stdout.decode(), "the TLS 1.1 probe itself does not work"
    finally:
        server.kill()
    refused = s_client(edge, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
    out = refused.stdout.decode()
    assert refused.returncode != 0
    # s_client names the version it tried even on failure; no cipher means no session.
    assert "Cipher    : 0000" in out or "Cipher is (NONE)" in out, out
    assert "HTTP/1.1" not in out


def test_alpn_answers_http11(edge):
    out = s_client(edge, "-alpn", "http/1.1").stdout.decode()
    assert "ALPN protocol: http/1.1" in out


def serial_seen(edge):
    out = s_client(edge).stdout
    pem = subprocess.run(["openssl", "x509", "-noout", "-serial"], input=out, capture_output=True).stdout.decode()
    return pem.strip()


def edge_with_replaceable_files(make_edge, pki, tmp_path):
    """A server whose certificate and key files the test may overwrite before a SIGHUP."""
    cert = tmp_path / "live.crt"
    key = tmp_path / "live.key"
    cert.write_bytes(pki["cert"].read_bytes())
    key.write_bytes(pki["key"].read_bytes())
    return make_edge(cert=cert, key=key).start(), cert, key


def test_sighup_reloads_certificate_and_keeps_open_connections(make_edge, pki, tmp_path):
    server, cert, key = edge_with_replaceable_files(make_edge, pki, tmp_path)
    assert serial_seen(server) == "serial=03E9"  # 1001

    with server.tls_socket() as before:
        before.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert read_http_response(before)[0] == 200
        new_cert, new_key = make_leaf(tmp_path, name="next", ca_dir=pki["dir"], serial=2002)
        cert.write_bytes(new_cert.read_bytes())
        key.write_bytes(new_key.read_bytes())
        server.signal(signal.SIGHUP)
        deadline = time.time() + 10
        while serial_seen(server) != "serial=07D2" and time.time() < deadline:
            time.sleep(0.1)
        assert serial_seen(server) == "serial=07D2"
        before.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert read_http_response(before)[0] == 200, "a connection opened before the reload keeps working"


def test_sighup_with_broken_key_keeps_the_old_certificate(make_edge, pki, tmp_path):
    server, cert, key = edge_with_replaceable_files(make_edge, pki, tmp_path)
    key.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    server.signal(signal.SIGHUP)
    deadline = time.time() + 10
    while not any(e.get("level") == "error" and "reload" in e.get("msg", "") for e in server.log_entries()):
        assert time.time() < deadline, server.log()
        time.sleep(0.1)
    assert server.process.poll() is None, "the process must survive a bad reload"
    assert serial_seen(server) == "serial=03E9"
    assert server.curl(f"{server.url}/healthz").stdout == "ok\n"


def test_tls13_session_resumption_with_the_ticket_sent_after_the_handshake(edge, tmp_path):
    session = tmp_path / "session.pem"
    first = s_client(edge, "-tls1_3", "-sess_out", str(session)).stdout.decode()
    assert "HTTP/1.1 200 OK" in first
    again = s_client(edge, "-tls1_3", "-sess_in", str(session)).stdout.decode()
    assert "Reused, TLSv1.3" in again, again
    assert "HTTP/1.1 200 OK" in again


def test_an_rsa_certificate_with_its_chain_in_one_file(make_edge, tmp_path):
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp_path / "rsa-ca.key",
         "-out", tmp_path / "rsa-ca.pem", "-days", "5", "-subj", "/CN=rsa test CA",
         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"], check=True)
    run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp_path / "rsa.key", "-out", tmp_path / "rsa.csr",
         "-subj", "/CN=localhost"], check=True)
    (tmp_path / "rsa.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run(["openssl", "x509", "-req", "-in", tmp_path / "rsa.csr", "-CA", tmp_path / "rsa-ca.pem", "-CAkey", tmp_path / "rsa-ca.key",
         "-set_serial", "7", "-days", "5", "-out", tmp_path / "rsa.crt", "-extfile", tmp_path / "rsa.ext"], check=True)
    chain = tmp_path / "rsa-chain.crt"
    chain.write_bytes((tmp_path / "rsa.crt").read_bytes() + (tmp_path / "rsa-ca.pem").read_bytes())
    server = make_edge(cert=chain, key=tmp_path / "rsa.key", ca=tmp_path / "rsa-ca.pem").start()
    result = server.curl(f"{server.url}/healthz")
    assert result.stdout == "ok\n", result.stderr
    out = s_client(server, "-showcerts").stdout.decode()
    assert out.count("-----BEGIN CERTIFICATE-----") == 2, "the chain is sent with the leaf"
