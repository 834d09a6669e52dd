"""Server memory per idle connection, for the figures edge-bench does not give: an idle
TLS keep-alive connection (issue 2: handshake, one GET /healthz, then silence) and an idle
TLS WebSocket session with and without permessage-deflate (issue 4: edge-bench never offers
the extension). A WebSocket session upgrades (offering permessage-deflate for
`websocket-deflate`), handshakes, subscribes and leaves a /meta/connect held. Usage:

    python3 bench/idle_probe.py --url https://127.0.0.1:PORT/faye --ca CA --pid SERVER_PID \
        --kind tls|websocket|websocket-deflate [--sessions 10000]

For `tls`, start the server with FAYE_KEEPALIVE_TIMEOUT past the run, or it closes them.
"""
import argparse
import asyncio
import base64
import json
import os
import ssl
import zlib
from urllib.parse import urlparse

from longpoll_probe import rss_kib


def compressed(payload):
    """One message deflated on its own, without the trailing 00 00 ff ff (RFC 7692 7.2.1)."""
    compressor = zlib.compressobj(wbits=-15)
    return (compressor.compress(payload) + compressor.flush(zlib.Z_SYNC_FLUSH))[:-4]


class Session:
    def __init__(self, reader, writer, deflate):
        self.reader, self.writer, self.deflate = reader, writer, deflate

    def send(self, messages):
        payload, first = json.dumps(messages).encode(), 0x81
        if self.deflate:
            payload, first = compressed(payload), 0xC1
        mask = os.urandom(4)
        length = bytes([0x80 | len(payload)]) if len(payload) < 126 else bytes([0xFE]) + len(payload).to_bytes(2, "big")
        self.writer.write(bytes([first]) + length + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    async def receive(self):
        head = await self.reader.readexactly(2)
        length = head[1] & 0x7F
        if length == 126:
            length = int.from_bytes(await self.reader.readexactly(2), "big")
        payload = await self.reader.readexactly(length)
        if head[0] & 0x40:
            payload = zlib.decompressobj(-15).decompress(payload + b"\x00\x00\xff\xff")
        return json.loads(payload)


async def open_session(url, context, index, kind, semaphore):
    async with semaphore:
        reader, writer = await asyncio.open_connection(url.hostname, url.port, ssl=context, server_hostname="localhost",
                                                       local_addr=(f"127.0.0.{2 + index % 8}", 0))
        if kind == "tls":
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            await reader.readuntil(b"\r\n\r\n")
            return Session(reader, writer, False)
        deflate = kind == "websocket-deflate"
        offer = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" if deflate else ""
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(f"GET {url.path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{offer}\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        session = Session(reader, writer, b"permessage-deflate" in head)
        session.send([{"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["websocket"]}])
        client_id = (await session.receive())[0]["clientId"]
        session.send([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/idle"}])
        await session.receive()
        session.send([{"channel": "/meta/connect", "clientId": client_id, "connectionType": "websocket"}])
        await writer.drain()
        return session


async def measure(args):
    url = urlparse(args.url)
    context = ssl.create_default_context(cafile=args.ca)
    context.check_hostname = False
    await asyncio.sleep(1)
    before = rss_kib(args.pid)
    semaphore = asyncio.Semaphore(200)
    sessions = await asyncio.gather(*[open_session(url, context, i, args.kind, semaphore)
                                      for i in range(args.sessions)])
    await asyncio.sleep(4)
    after = rss_kib(args.pid)
    for session in sessions:
        session.writer.close()
    return {"kind": args.kind, "sessions": len(sessions), "deflate_agreed": sum(s.deflate for s in sessions),
            "kib_per_session": round((after - before) / len(sessions), 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=10000)
    parser.add_argument("--kind", choices=["tls", "websocket", "websocket-deflate"], required=True)
    print(json.dumps(asyncio.run(measure(parser.parse_args()))))


if __name__ == "__main__":
    main()
