"""The servers under test, started on loopback with a throwaway certificate:
bayeux-edge, nginx alone (for handshakes), and the seed stack (nginx in front of
Faye on thin). Config files are written under .build/bench."""
import json
import os
import secrets
import socket
import ssl
import subprocess
import time

import procs

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDGE = os.path.join(ROOT, ".build/release/bayeux-edge")
BENCH = os.path.join(ROOT, ".build/release/edge-bench")
SERVICE = "Bench"
ORIGIN = "https://bench.example"


class Workspace:
    """.build/bench: certificates, tokens, configs and logs of this run."""

    def __init__(self):
        self.dir = os.path.join(ROOT, ".build/bench")
        self.logs = os.path.join(self.dir, "logs")
        self.pki = os.path.join(self.dir, "pki")
        for d in (self.logs, self.pki, os.path.join(self.dir, "tokens"), os.path.join(self.dir, "ready")):
            os.makedirs(d, exist_ok=True)
        self.ca = os.path.join(self.pki, "ca.pem")
        self.cert = os.path.join(self.pki, "server.crt")
        self.key = os.path.join(self.pki, "server.key")
        self.token = secrets.token_hex(16)
        self._make_certificate()
        with open(os.path.join(self.dir, "tokens/tokens.json"), "w") as f:
            json.dump({SERVICE: {"origin": ORIGIN, "auth_token": self.token}}, f)

    def _make_certificate(self):
        """A private CA and a P-256 server certificate for localhost and 127.0.0.1."""
        def openssl(*args):
            subprocess.run(["openssl", *args], check=True, cwd=self.pki, capture_output=True)
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key")
        openssl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=bayeux-edge bench CA", "-days", "2", "-out", "ca.pem")
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.key")
        openssl("req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out", "server.csr")
        with open(os.path.join(self.pki, "ext.cnf"), "w") as f:
            f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                    "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", "server.crt", "-extfile", "ext.cnf")

    def ready_file(self, name):
        path = os.path.join(self.dir, "ready", name)
        if os.path.exists(path):
            os.remove(path)
        return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port, ca, timeout=20):
    context = ssl.create_default_context(cafile=ca)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as raw:
                with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                    tls.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    if tls.recv(100).startswith(b"HTTP/1.1 200"):
                        return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing healthy on port {port} after {timeout} s")


class Server:
    """A running stack: its port, the processes whose CPU and memory count as the
    server's, and how to stop it."""

    def __init__(self, label, port, processes, counted_pids):
        self.label = label
        self.port = port
        self.processes = processes
        self.pids = counted_pids

    def url(self, scheme, path="/faye"):
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def stop(self):
        for proc in self.processes:
            procs.stop(proc)


def start_edge(ws, threads=2):
    port = free_port()
    env = {
        "FAYE_BIND": "127.0.0.1", "FAYE_HTTPS_PORT": str(port), "FAYE_HTTP_PORT": "0",
        "FAYE_WORKER_PROCESSES": str(threads), "FAYE_WORKER_CONNECTIONS": "20000", "FAYE_MAX_CONNECTIONS": "19900",
        "FAYE_SSL_CERT_FILE": ws.cert, "FAYE_SSL_KEY_FILE": ws.key,
        "FAYE_TOKENS_DIR": os.path.join(ws.dir, "tokens"), "FAYE_ENVIRONMENT": "production",
    }
    proc = procs.spawn([EDGE], ws.logs, "bayeux-edge", env=env, stdout=subprocess.DEVNULL)
    wait_healthy(port, ws.ca)
    return Server("bayeux-edge", port, [proc], [proc.pid])


NGINX_TLS = """
    listen 127.0.0.1:{port} ssl;
    ssl_certificate {cert};
    ssl_certificate_key {key};
    ssl_protocols TLSv1.2 TLSv1.3;
    location = /healthz {{ return 200 "ok\\n"; }}
"""

NGINX_PROXY = """
    location /faye {{
      proxy_pass http://faye;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
      proxy_buffering off;
    }}
"""


def _nginx_config(ws, name, port, proxy_port=None):
    """worker_processes 2 (bayeux-edge runs 2 loops), the same certificate."""
    upstream = ""
    if proxy_port:
        upstream = ("map $http_upgrade $connection_upgrade { default upgrade; '' ''; }\n"
                    f"  upstream faye {{ server 127.0.0.1:{proxy_port}; keepalive 256; }}\n")
    server = NGINX_TLS.format(port=port, cert=ws.cert, key=ws.key) + (NGINX_PROXY.format() if proxy_port else "")
    text = (f"worker_processes 2;\nworker_rlimit_nofile 20000;\npid {ws.dir}/{name}.pid;\n"
            f"error_log {ws.logs}/{name}-error.log warn;\ndaemon off;\n"
            "events { worker_connections 19000; }\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {ws.dir}/{name}-body;\n"
            f"  proxy_temp_path {ws.dir}/{name}-proxy;\n  {upstream}  server {{{server}  }}\n}}\n")
    path = os.path.join(ws.dir, name + ".conf")
    with open(path, "w") as f:
        f.write(text)
    return path


def _nginx_workers(master, count=2, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        workers = procs.children(master.pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.1)
    raise RuntimeError("nginx started no workers; see its log")


def start_nginx(ws):
    port = free_port()
    conf = _nginx_config(ws, "nginx", port)
    master = procs.spawn(["nginx", "-c", conf, "-e", f"{ws.logs}/nginx-error.log"], ws.logs, "nginx",
                         stdout=subprocess.DEVNULL)
    wait_healthy(port, ws.ca)
    return Server("nginx", port, [master], [master.pid] + _nginx_workers(master))


def start_seed_stack(ws):
    """nginx terminating TLS and proxying /faye (WebSocket upgrades too) to Faye on thin."""
    thin_port = free_port()
    env = {"FAYE_TOKENS_DIR": os.path.join(ws.dir, "tokens"), "FAYE_MOUNT": "/faye", "FAYE_TIMEOUT": "60"}
    thin = procs.spawn(["thin", "start", "-R", os.path.join(HERE, "faye/config.ru"), "-a", "127.0.0.1",
                        "-p", str(thin_port), "--max-conns", "19000", "--max-persistent-conns", "19000",
                        # thin's default 30 s inactivity timeout is below Faye's 60 s hold and
                        # closed the long-poll scenario's publisher socket mid-run.
                        "--timeout", "120", "-e", "production"], ws.logs, "thin", env=env, stdout=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", thin_port), timeout=1).close()
            break
        except OSError:
            if thin.poll() is not None:
                raise RuntimeError("thin exited; see its log")
            time.sleep(0.2)
    port = free_port()
    conf = _nginx_config(ws, "seed-nginx", port, proxy_port=thin_port)
    master = procs.spawn(["nginx", "-c", conf, "-e", f"{ws.logs}/seed-nginx-error.log"], ws.logs, "seed-nginx",
                         stdout=subprocess.DEVNULL)
    wait_healthy(port, ws.ca)
    return Server("nginx + Faye on thin", port, [master, thin], [master.pid, thin.pid] + _nginx_workers(master))
