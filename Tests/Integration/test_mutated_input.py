"""Mutated input from a seeded generator: Bayeux batches with bytes flipped, cut, repeated
or spliced with JSON and UTF-8 troublemakers, sent as JSON POSTs, chunked form POSTs, GET
and JSONP, and as WebSocket frames with random opcodes, bits and lengths (with and without
permessage-deflate), half of them carrying a live client id. Afterwards the server must be
running, healthy, and still deliver a publish to a Faye client subscribed through it."""
import base64
import json
import os
import random
import re
import socket
import ssl
import struct
from urllib.parse import quote_from_bytes

import pytest

from faye_clients import RubyClient, publish

CASES = 240

BATCHES = [
    [{"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["long-polling", "websocket"]}],
    [{"channel": "/meta/connect", "clientId": "CLIENT", "connectionType": "long-polling", "advice": {"timeout": 0}}],
    [{"channel": "/meta/subscribe", "clientId": "CLIENT", "subscription": "/foo/**", "id": "2"}],
    [{"channel": "/foo/bar", "clientId": "CLIENT", "data": {"a": [1, 2.5e3, {"b": None}], "s": "\u00e9\u2028"},
      "ext": {"service": "Publisher", "auth_token": "test-token-1"}, "id": "3"}],
    [{"channel": "/meta/unsubscribe", "clientId": "CLIENT", "subscription": ["/a", "/b/*"]}],
    [{"channel": "/meta/disconnect", "clientId": "CLIENT"}],
]
SPLICES = [b"{", b"[", b"]", b'"', b"\\u", b"\\ud800", b"\\", b"\x00", b"\xff", b"\xed\xa0\x80", b"1e999", b"-",
           b",", b"null", b"[" * 40, b'"channel"', b'"/meta/*"', b'"clientId":', b"\r\n"]


class Mutator:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.client_ids = []

    def mutate(self, data):
        data = bytearray(data)
        for _ in range(self.random.randint(1, 6)):
            choice = self.random.random()
            if choice < 0.3 and data:
                data[self.random.randrange(len(data))] = self.random.randrange(256)
            elif choice < 0.5 and data:
                start = self.random.randrange(len(data))
                del data[start:self.random.randrange(start, len(data) + 1)]
            elif choice < 0.8:
                at = self.random.randrange(len(data) + 1)
                data[at:at] = self.random.choice(SPLICES)
            else:
                at = self.random.randrange(len(data) + 1)
                data[at:at] = data[:self.random.randrange(len(data) + 1)]
        return bytes(data)

    def batch(self):
        text = json.dumps(self.random.choice(BATCHES))
        if self.client_ids and self.random.random() < 0.5:
            text = text.replace("CLIENT", self.random.choice(self.client_ids))
        body = text.encode()
        return self.mutate(body) if self.random.random() < 0.85 else body

    def http_request(self):
        body = self.batch()
        kind = self.random.random()
        if kind < 0.5:
            return (b"POST /faye HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        if kind < 0.75:
            callback = self.random.choice(["cb", "a.b$1", "x[1]", "", "alert(1)//"])
            return f"GET /faye?message={quote_from_bytes(body)}&jsonp={callback} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
        form = b"message=" + body
        request = (b"POST /faye HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(form):x}\r\n".encode() + form + b"\r\n0\r\n\r\n")
        return self.mutate(request) if self.random.random() < 0.3 else request

    def websocket_frames(self):
        frames = b""
        for _ in range(self.random.randint(1, 5)):
            payload = self.batch() if self.random.random() < 0.8 else os.urandom(self.random.randint(0, 300))
            first = self.random.choice([0x81, 0x81, 0x01, 0x80, 0x82, 0x89, 0x8A, 0x88, 0xC1, 0x91, 0x8F, 0x00])
            if self.random.random() < 0.1:
                length = bytes([0xFF]) + struct.pack("!Q", self.random.randrange(2 ** 63))
            elif len(payload) < 126:
                length = bytes([0x80 | len(payload)])
            else:
                length = bytes([0xFE]) + struct.pack("!H", len(payload))
            mask = os.urandom(4)
            frame = bytes([first]) + length + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            frames += self.mutate(frame) if self.random.random() < 0.2 else frame
        return frames


def exchange(edge, data, upgrade=None):
    """Sends `data` (after a WebSocket upgrade when asked) and reads until the server is
    silent for a moment or closes; a reset or a TLS alert is an answer too."""
    context = ssl.create_default_context(cafile=str(edge.ca))
    received = b""
    try:
        with context.wrap_socket(socket.create_connection(("127.0.0.1", edge.https_port), timeout=5),
                                 server_hostname="localhost") as sock:
            if upgrade is not None:
                sock.sendall(upgrade)
                received += sock.recv(4096)
            sock.sendall(data)
            sock.settimeout(0.15)
            while chunk := sock.recv(65536):
                received += chunk
    except (OSError, ssl.SSLError):
        pass
    return received


def live_client_id(edge):
    """A handshake answered by the server: its client id, or none when it was refused."""
    body = json.dumps(BATCHES[0]).encode()
    reply = exchange(edge, b"POST /faye HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return [found.decode() for found in re.findall(rb'"clientId":"([0-9a-z]+)"', reply)[:1]]


def upgrade_request(extensions):
    key = base64.b64encode(os.urandom(16)).decode()
    offer = f"Sec-WebSocket-Extensions: {extensions}\r\n" if extensions else ""
    return (f"GET /faye HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{offer}\r\n").encode()


@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_requests_and_frames_leave_the_server_serving(make_edge, seed):
    edge = make_edge(env={"FAYE_TIMEOUT": "2"}).start()
    mutator = Mutator(seed)
    for case in range(CASES):
        if case % 20 == 0:
            mutator.client_ids += live_client_id(edge)
        if mutator.random.random() < 0.6:
            exchange(edge, mutator.http_request())
        else:
            extensions = mutator.random.choice([None, "permessage-deflate",
                                                "permessage-deflate; client_max_window_bits=8; server_no_context_takeover"])
            exchange(edge, mutator.websocket_frames(), upgrade=upgrade_request(extensions))
        assert edge.process.poll() is None, f"server exited at case {case}: {edge.log()[-2000:]}"

    assert mutator.client_ids, "no handshake succeeded during the run"
    assert "200" in edge.curl("-s", "-o", "/dev/null", "-w", "%{http_code}", f"{edge.url}/healthz").stdout
    subscriber = RubyClient(edge, "subscriber.rb", "--channels", "/after", transport="websocket")
    try:
        subscriber.wait_for("ready")
        assert publish(edge, "/after")["ok"] == 1
        assert subscriber.wait_for("message")["channel"] == "/after"
    finally:
        subscriber.kill()
