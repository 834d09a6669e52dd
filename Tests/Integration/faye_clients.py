"""Runs the Faye Ruby client scripts in clients/ and reads the JSON lines they print."""
import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path

CLIENTS = Path(__file__).resolve().parent / "clients"


class RubyClient:
    def __init__(self, edge, script, *args, transport="long-polling", origin=None, timeout=20):
        command = ["ruby", str(CLIENTS / script), "--url", f"{edge.url}/faye", "--transport", transport,
                   "--timeout", str(timeout), *map(str, args)]
        if origin:
            command += ["--origin", origin]
        env = dict(os.environ, SSL_CERT_FILE=str(edge.ca))
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        self.events = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            try:
                self.events.put(json.loads(line))
            except json.JSONDecodeError:
                self.events.put({"event": "noise", "line": line})
        self.events.put(None)

    def wait_for(self, name, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                event = self.events.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if event is None:
                break
            self.seen.append(event)
            if event.get("event") == name:
                return event
        raise AssertionError(f"no {name!r} event; saw {self.seen}; stderr: {self.stderr()}")

    def messages(self):
        return [e for e in self.seen if e.get("event") == "message"]

    def finish(self, timeout=30):
        self.process.wait(timeout=timeout)
        while True:
            event = self.events.get(timeout=5)
            if event is None:
                return self.seen
            self.seen.append(event)

    def stderr(self):
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()


def publish(edge, channel, count=1, service="Publisher", token="test-token-1", origin="http://localhost:3000",
            transport="long-polling"):
    args = ["--channel", channel, "--count", count]
    if service:
        args += ["--service", service]
    if token:
        args += ["--token", token]
    client = RubyClient(edge, "publisher.rb", *args, transport=transport, origin=origin)
    result = client.wait_for("published", timeout=30)
    client.finish()
    return result
