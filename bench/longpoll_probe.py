"""Long-polling figures for issue 3 that the load generator does not give: publish to
delivery latency on an otherwise idle server, and server memory per idle long-polling
client (a held /meta/connect). Usage:

    python3 bench/longpoll_probe.py --url https://127.0.0.1:PORT/faye --ca CA --pid SERVER_PID \
        --service S --token T --origin O [--messages 300] [--clients 2000]
"""
import argparse
import asyncio
import http.client
import json
import ssl
import statistics
import threading
import time
from urllib.parse import urlparse


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


class Poster:
    """One keep-alive HTTPS connection posting Bayeux batches."""

    def __init__(self, url, context, origin=None):
        parsed = urlparse(url)
        self.path = parsed.path
        self.connection = http.client.HTTPSConnection(parsed.hostname, parsed.port, context=context, timeout=90)
        self.headers = {"Content-Type": "application/json"}
        if origin:
            self.headers["Origin"] = origin

    def post(self, messages):
        self.connection.request("POST", self.path, json.dumps(messages), self.headers)
        response = self.connection.getresponse()
        return json.loads(response.read())


def latency(args, context):
    subscriber = Poster(args.url, context)
    client_id = subscriber.post([{"channel": "/meta/handshake", "version": "1.0",
                                  "supportedConnectionTypes": ["long-polling"]}])[0]["clientId"]
    subscriber.post([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/probe"}])
    latencies = []

    def poll():
        while len(latencies) < args.messages:
            for message in subscriber.post([{"channel": "/meta/connect", "clientId": client_id,
                                             "connectionType": "long-polling"}]):
                if message.get("channel") == "/probe":
                    latencies.append((time.time_ns() - message["data"]["t"]) / 1e6)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    time.sleep(0.5)
    publisher = Poster(args.url, context, args.origin)
    for _ in range(args.messages):
        publisher.post([{"channel": "/probe", "data": {"t": time.time_ns()},
                         "ext": {"service": args.service, "auth_token": args.token}}])
        time.sleep(0.02)
    thread.join(timeout=30)
    latencies.sort()
    return {"messages": len(latencies), "p50_ms": round(statistics.median(latencies), 2),
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 2)}


async def hold(host, port, path, context, index, semaphore, sockets):
    async with semaphore:
        reader, writer = await asyncio.open_connection(host, port, ssl=context, server_hostname="localhost",
                                                       local_addr=(f"127.0.0.{2 + index % 8}", 0))

        async def post(messages):
            body = json.dumps(messages).encode()
            writer.write(f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
            return json.loads(await reader.readexactly(length))

        client_id = (await post([{"channel": "/meta/handshake", "version": "1.0",
                                  "supportedConnectionTypes": ["long-polling"]}]))[0]["clientId"]
        await post([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/idle"}])
        body = json.dumps([{"channel": "/meta/connect", "clientId": client_id, "connectionType": "long-polling"}]).encode()
        writer.write(f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        await writer.drain()
        sockets.append(writer)


async def idle(args, context):
    parsed = urlparse(args.url)
    before = rss_kib(args.pid)
    sockets = []
    semaphore = asyncio.Semaphore(100)
    await asyncio.gather(*[hold(parsed.hostname, parsed.port, parsed.path, context, i, semaphore, sockets)
                           for i in range(args.clients)])
    await asyncio.sleep(3)
    after = rss_kib(args.pid)
    for writer in sockets:
        writer.close()
    return {"clients": len(sockets), "kib_per_client": round((after - before) / max(len(sockets), 1), 2)}


def main():
    parser = argparse.ArgumentParser()
    for name in ("--url", "--ca", "--service", "--token", "--origin"):
        parser.add_argument(name, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--clients", type=int, default=2000)
    args = parser.parse_args()
    context = ssl.create_default_context(cafile=args.ca)
    context.check_hostname = False
    result = {"latency": latency(args, context), "idle": asyncio.run(idle(args, context))}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
