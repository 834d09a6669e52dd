"""A minimal WebSocket client over TLS for tests that need to misbehave on purpose
(stop reading, send malformed frames), which no well-behaved client library will do."""
import base64
import json
import os
import socket
import struct

from conftest import read_http_response


class RawWebSocket:
    def __init__(self, edge, path="/faye", origin=None, extensions=None):
        self.sock = edge.tls_socket()
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET {path} HTTP/1.1", "Host: localhost", "Upgrade: websocket", "Connection: Upgrade",
                 f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if origin:
            lines.append(f"Origin: {origin}")
        if extensions:
            lines.append(f"Sec-WebSocket-Extensions: {extensions}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        self.status, self.headers, _, self.buffer = read_http_response(self.sock)

    def send_frame(self, opcode, payload, fin=True, mask=True, rsv1=False):
        header = bytes([(0x80 if fin else 0) | (0x40 if rsv1 else 0) | opcode])
        length = len(payload)
        mask_bit = 0x80 if mask else 0
        if length < 126:
            header += bytes([mask_bit | length])
        elif length < 65536:
            header += bytes([mask_bit | 126]) + struct.pack("!H", length)
        else:
            header += bytes([mask_bit | 127]) + struct.pack("!Q", length)
        if mask:
            key = os.urandom(4)
            payload = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            header += key
        self.sock.sendall(header + payload)

    def send_json(self, value):
        self.send_frame(1, json.dumps(value).encode())

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def recv_frame(self, with_rsv1=False):
        first, second = self._read(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8))[0]
        payload = self._read(length)
        if with_rsv1:
            return first & 0x0F, payload, bool(first & 0x40)
        return first & 0x0F, payload

    def recv_json(self):
        while True:
            opcode, payload = self.recv_frame()
            if opcode == 1:
                return json.loads(payload)
            if opcode == 8:
                raise ConnectionError(f"close frame {payload!r}")

    def bayeux(self, *messages):
        """Sends one batch and returns the reply frame's messages."""
        self.send_json(list(messages))
        return self.recv_json()

    def handshake_and_subscribe(self, channel):
        reply = self.bayeux({"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["websocket"]})
        client_id = reply[0]["clientId"]
        self.bayeux({"channel": "/meta/subscribe", "clientId": client_id, "subscription": channel})
        self.send_json([{"channel": "/meta/connect", "clientId": client_id, "connectionType": "websocket"}])
        return client_id

    def close(self):
        self.sock.close()
