"""The configuration contract through the real binary: --check-config, the seed's .env
files, and fatal problems refused before any port opens."""
import os
import socket
import subprocess
from pathlib import Path

from conftest import BINARY, free_port

FIXTURES = Path(__file__).resolve().parents[1] / "EdgeTests" / "Fixtures"


def edge(*args, env=None, cwd=None):
    environment = {"PATH": os.environ["PATH"]}
    environment.update(env or {})
    return subprocess.run([str(BINARY), *args], env=environment, cwd=cwd, capture_output=True, text=True, timeout=30)


def test_seed_env_files_merged_are_accepted(tmp_path):
    merged = tmp_path / ".env"
    merged.write_text((FIXTURES / "faye.env").read_text() + "\n" + (FIXTURES / "nginx.env").read_text())
    result = edge("--check-config", "--env-file", str(merged), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "dropped insecure SSLv2, SSLv3, TLSv1" in out
    assert "TLSv1.2 TLSv1.3" in out
    assert "FAYE_HOST" in out and "ignored" in out
    assert "strong-requirepass-password" not in out, "the Redis password is never printed"
    assert result.returncode == 0, out


def test_check_config_reports_every_problem_and_exits_non_zero(tmp_path):
    result = edge("--check-config", "--https-port", "abc", "--mount", "faye", env={"FAYE_TIMEOUT": "-3"}, cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    for variable in ("FAYE_HTTPS_PORT", "FAYE_MOUNT", "FAYE_TIMEOUT"):
        assert f"fatal: {variable}" in out, out


def test_a_fatal_problem_stops_start_up_before_any_port_opens(tmp_path):
    port = free_port()
    result = edge(env={"FAYE_HTTPS_PORT": str(port), "FAYE_HTTP_PORT": "0", "FAYE_BIND": "127.0.0.1",
                       "FAYE_SSL_CIPHERS": "NOT-A-CIPHER"}, cwd=tmp_path)
    assert result.returncode == 1
    assert "NOT-A-CIPHER" in result.stderr
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_production_without_a_certificate_is_fatal(tmp_path):
    result = edge(env={"FAYE_HTTP_PORT": "0", "FAYE_HTTPS_PORT": str(free_port()), "FAYE_BIND": "127.0.0.1"}, cwd=tmp_path)
    assert result.returncode == 1
    assert "does not exist" in result.stderr


def test_development_mode_makes_a_certificate_and_names_the_ca(tmp_path):
    port = free_port()
    process = subprocess.Popen([str(BINARY)], env={"PATH": os.environ["PATH"], "FAYE_ENVIRONMENT": "development",
                                                    "FAYE_HTTPS_PORT": str(port), "FAYE_HTTP_PORT": "0", "FAYE_BIND": "127.0.0.1"},
                               cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        ca = tmp_path / "certs" / "dev-ca.pem"
        for line in process.stderr:
            if "listening" in line:
                break
        assert ca.exists()
        result = subprocess.run(["curl", "-sS", "--cacert", str(ca), f"https://localhost:{port}/healthz"],
                                capture_output=True, text=True, timeout=10)
        assert result.stdout == "ok\n"
        assert not any(p.suffix == ".key" and p.stat().st_mode & 0o077 for p in (tmp_path / "certs").iterdir())
    finally:
        process.terminate()
        process.wait(timeout=10)
