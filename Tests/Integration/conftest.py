"""Fixtures that run the real bayeux-edge binary on loopback with a certificate made
for the test, and the helpers the tests share (free ports, TLS sockets, waiting)."""
import json
import os
import signal
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("EDGE_BINARY", ROOT / ".build/debug/bayeux-edge")).resolve()
TOKENS = {
    "Publisher": {"origin": "http://localhost:3000", "auth_token": "test-token-1"},
    "Other": {"origin": "https://app.example:8443", "auth_token": "test-token-2"},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=kwargs.pop("timeout", 30), **kwargs)


def make_ca(directory: Path):
    directory.mkdir(parents=True, exist_ok=True)
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
         "-keyout", directory / "ca.key", "-out", directory / "ca.pem", "-days", "30",
         "-subj", "/CN=bayeux-edge test CA", "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"], check=True)
    return directory / "ca.pem"


def make_leaf(directory: Path, name="server", ca_dir=None, serial=None):
    """A localhost certificate signed by the CA in `ca_dir` (default: `directory`)."""
    ca_dir = ca_dir or directory
    key, csr, crt = directory / f"{name}.key", directory / f"{name}.csr", directory / f"{name}.crt"
    run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
         "-keyout", key, "-out", csr, "-subj", "/CN=localhost"], check=True)
    ext = directory / f"{name}.ext"
    ext.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    serial_args = ["-set_serial", str(serial)] if serial else ["-CAcreateserial"]
    run(["openssl", "x509", "-req", "-in", csr, "-CA", ca_dir / "ca.pem", "-CAkey", ca_dir / "ca.key",
         *serial_args, "-days", "30", "-out", crt, "-extfile", ext], check=True)
    return crt, key


class Edge:
    """One bayeux-edge process on 127.0.0.1 with its own ports and files."""

    def __init__(self, workdir: Path, ca: Path, cert: Path, key: Path, env=None, args=None, tokens=TOKENS):
        self.workdir = workdir
        self.ca = ca
        self.https_port = free_port()
        self.http_port = free_port()
        tokens_dir = workdir / "tokens"
        tokens_dir.mkdir(exist_ok=True)
        if tokens is not None:
            (tokens_dir / "tokens.json").write_text(json.dumps(tokens))
        self.env = {
            "PATH": os.environ["PATH"],
            "FAYE_BIND": "127.0.0.1",
            "FAYE_HTTPS_PORT": str(self.https_port),
            "FAYE_HTTP_PORT": str(self.http_port),
            "FAYE_SSL_CERT_FILE": str(cert),
            "FAYE_SSL_KEY_FILE": str(key),
            "FAYE_TOKENS_DIR": str(tokens_dir),
            "FAYE_TOKENS_JSON_FILE": "tokens.json",
            "FAYE_WORKER_PROCESSES": "2",
        }
        self.env.update(env or {})
        self.args = args or []
        self.log_path = workdir / f"edge-{self.https_port}.log"
        self.process = None

    def start(self, wait=True):
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen([str(BINARY), *self.args], env=self.env, cwd=self.workdir,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        if wait:
            port = self.https_port if self.env.get("FAYE_USE_SSL", "1") != "0" else self.http_port
            wait_for_port(port, self)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log_file.close()

    def signal(self, number):
        self.process.send_signal(number)

    def log(self):
        return self.log_path.read_text()

    def log_entries(self):
        entries = []
        for line in self.log().splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                pass
        return entries

    @property
    def url(self):
        return f"https://localhost:{self.https_port}"

    def tls_socket(self, alpn=None):
        context = ssl.create_default_context(cafile=str(self.ca))
        if alpn:
            context.set_alpn_protocols(alpn)
        raw = socket.create_connection(("127.0.0.1", self.https_port), timeout=10)
        return context.wrap_socket(raw, server_hostname="localhost")

    def curl(self, *args, timeout=30):
        return run(["curl", "-sS", "--cacert", str(self.ca), *args], timeout=timeout)


def metric(edge, name):
    """The value of one /metrics line."""
    for line in edge.curl(f"{edge.url}/metrics").stdout.splitlines():
        if line.startswith(name + "{"):
            return int(line.split()[-1])
    raise AssertionError(f"no metric {name}")


def wait_for_port(port, edge=None, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if edge and edge.process.poll() is not None:
            raise AssertionError(f"bayeux-edge exited with {edge.process.returncode}:\n{edge.log()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"port {port} never opened")


def read_http_response(sock, buffer=b""):
    """Reads one HTTP/1.1 response with Content-Length from a socket; returns (status, headers, body, rest)."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a response head: {buffer!r}")
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, headers, rest[:length], rest[length:]


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    directory = tmp_path_factory.mktemp("pki")
    ca = make_ca(directory)
    cert, key = make_leaf(directory, serial=1001)
    return {"dir": directory, "ca": ca, "cert": cert, "key": key}


@pytest.fixture(scope="module")
def edge(tmp_path_factory, pki):
    """A server shared by the tests of one module (they must not change its state)."""
    server = Edge(tmp_path_factory.mktemp("edge"), pki["ca"], pki["cert"], pki["key"]).start()
    yield server
    server.stop()


@pytest.fixture
def make_edge(tmp_path, pki):
    """Starts servers of the test's own, stopped at the end of the test."""
    started = []

    def factory(**kwargs):
        kwargs.setdefault("ca", pki["ca"])
        kwargs.setdefault("cert", pki["cert"])
        kwargs.setdefault("key", pki["key"])
        server = Edge(tmp_path, **kwargs)
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()
