"""Bayeux over WebSocket beyond what the Faye client shows: many subscribers, slow
readers, the upgrade's Origin, malformed frames, and server pings and closes."""
import json
import socket
import time

import pytest

from conftest import metric
from faye_clients import RubyClient, publish
from websocket_client import RawWebSocket


def test_thousand_websocket_subscribers_each_get_twenty_messages_once(make_edge):
    # Each Faye client also holds HTTP connections while it probes WebSocket: room for all.
    edge = make_edge(env={"FAYE_MAX_CONNECTIONS": "8000"}).start()
    crowds = []
    # One crowd at a time: four Ruby reactors verifying 1,000 TLS handshakes at once
    # starve each other past the server's handshake deadline.
    for _ in range(4):
        crowd = RubyClient(edge, "crowd.rb", "--clients", 250, "--channel", "/thousand", "--expect", 20,
                           transport="websocket", timeout=180)
        assert crowd.wait_for("ready", timeout=120)["transports"] == {"websocket": 250}
        crowds.append(crowd)
    assert publish(edge, "/thousand", count=20, transport="websocket")["ok"] == 20
    for crowd in crowds:
        assert crowd.wait_for("done", timeout=120)["counts"] == [list(range(20))] * 250


def test_slow_reader_is_cut_off_while_others_keep_receiving(make_edge):
    server = make_edge(env={"FAYE_MAX_OUTPUT_BUFFER": "1048576"}).start()
    slow = RawWebSocket(server)
    slow.handshake_and_subscribe("/firehose")
    slow.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    reader = RubyClient(server, "subscriber.rb", "--channels", "/firehose", "--expect", 200, transport="websocket",
                        timeout=60)
    reader.wait_for("ready")
    big = "x" * 60000
    for start in range(0, 200, 10):
        batch = [{"channel": "/firehose", "data": {"n": n, "pad": big},
                  "ext": {"service": "Publisher", "auth_token": "test-token-1"}} for n in range(start, start + 10)]
        body = server.workdir / "batch.json"
        body.write_text(json.dumps(batch))
        result = server.curl("-X", "POST", "-H", "Content-Type: application/json", "-H", "Origin: http://localhost:3000",
                             "--data-binary", f"@{body}", f"{server.url}/faye")
        assert all(reply["successful"] for reply in json.loads(result.stdout))
    seen = reader.finish(timeout=60)
    assert [e["data"]["n"] for e in seen if e["event"] == "message"] == list(range(200))
    assert metric(server, "bayeux_edge_slow_reader_disconnects_total") == 1
    assert any(e.get("msg") == "slow reader disconnected" for e in server.log_entries())
    slow.close()


def test_connect_bringing_a_backlog_past_the_bound_cuts_off_only_that_socket(make_edge):
    # The cut-off happens while the server is still reading the connect frame: it must
    # close that socket, not trip over the read in progress and stop the process.
    server = make_edge(env={"FAYE_MAX_OUTPUT_BUFFER": "65536"}).start()
    late = RawWebSocket(server)
    reply = late.bayeux({"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["websocket"]})
    client_id = reply[0]["clientId"]
    late.bayeux({"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/backlog"})
    publisher = RawWebSocket(server, origin="http://localhost:3000")
    for n in range(100):
        published = publisher.bayeux({"channel": "/backlog", "data": {"n": n, "pad": "y" * 1000},
                                      "ext": {"service": "Publisher", "auth_token": "test-token-1"}})
        assert published[0]["successful"]
    late.send_json([{"channel": "/meta/connect", "clientId": client_id, "connectionType": "websocket"}])
    deadline = time.time() + 10
    while metric(server, "bayeux_edge_slow_reader_disconnects_total") == 0 and time.time() < deadline:
        time.sleep(0.1)
    assert metric(server, "bayeux_edge_slow_reader_disconnects_total") == 1
    assert server.process.poll() is None
    assert "200" in server.curl("-s", "-o", "/dev/null", "-w", "%{http_code}", f"{server.url}/healthz").stdout
    late.close()
    publisher.close()


def test_publish_refused_when_the_upgrade_origin_does_not_match(edge):
    ws = RawWebSocket(edge, origin="http://evil.example")
    assert ws.status == 101
    reply = ws.bayeux({"channel": "/x", "data": 1, "ext": {"service": "Publisher", "auth_token": "test-token-1"}})
    assert reply == [{"channel": "/x", "successful": False, "error": "403:/x:Origin mismatch"}]
    good = RawWebSocket(edge, origin="http://localhost:3000")
    assert good.bayeux({"channel": "/x", "data": 1, "ext": {"service": "Publisher", "auth_token": "test-token-1"}}) \
        == [{"channel": "/x", "successful": True}]


def test_empty_batch_keepalive_and_bad_frames_keep_the_socket(edge):
    ws = RawWebSocket(edge)
    assert ws.bayeux() == []
    ws.send_frame(1, b"{not json")
    ws.send_frame(1, b"42")
    assert ws.bayeux() == [], "frames that are not batches are ignored; the socket stays open"


@pytest.mark.parametrize("frame,code", [
    (b"\x81\x05hello", 1002),                # unmasked client frame
    (b"\x83\x80abcd", 1002),                 # reserved opcode 3
    (b"\xc1\x80abcd", 1002),                 # RSV1 without permessage-deflate
    (b"\x89\xfe\x00\x7eabcd" + b"\0" * 126, 1002),  # ping longer than 125
])
def test_malformed_frames_close_with_the_right_code(edge, frame, code):
    ws = RawWebSocket(edge)
    ws.sock.sendall(frame)
    opcode, payload = ws.recv_frame()
    assert opcode == 8
    assert int.from_bytes(payload[:2], "big") == code


def test_invalid_utf8_text_closes_1007(edge):
    ws = RawWebSocket(edge)
    ws.send_frame(1, b"[\xff]")
    opcode, payload = ws.recv_frame()
    assert (opcode, int.from_bytes(payload[:2], "big")) == (8, 1007)


def test_message_over_the_limit_closes_1009(make_edge):
    server = make_edge(env={"FAYE_MAX_MESSAGE_SIZE": "4096"}).start()
    ws = RawWebSocket(server)
    ws.send_frame(1, b"[" + b" " * 5000 + b"]")
    opcode, payload = ws.recv_frame()
    assert (opcode, int.from_bytes(payload[:2], "big")) == (8, 1009)


def test_ping_gets_pong_and_close_is_answered(edge):
    ws = RawWebSocket(edge)
    ws.send_frame(9, b"hi")
    assert ws.recv_frame() == (10, b"hi")
    ws.send_frame(8, (1000).to_bytes(2, "big"))
    opcode, payload = ws.recv_frame()
    assert (opcode, payload[:2]) == (8, (1000).to_bytes(2, "big"))


def test_disconnect_closes_the_bound_socket(edge):
    ws = RawWebSocket(edge)
    client_id = ws.handshake_and_subscribe("/bye")
    other = RawWebSocket(edge)
    other.bayeux({"channel": "/meta/disconnect", "clientId": client_id})
    deadline = time.time() + 5
    while True:
        opcode, payload = ws.recv_frame()
        if opcode == 8:
            assert int.from_bytes(payload[:2], "big") == 1000
            break
        assert time.time() < deadline


def test_bad_upgrade_version_is_426(edge):
    sock = edge.tls_socket()
    sock.sendall(b"GET /faye HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n")
    from conftest import read_http_response
    status, headers, _, _ = read_http_response(sock)
    assert status == 426 and headers["sec-websocket-version"] == "13"


def test_permessage_deflate_is_negotiated_without_context_takeover(edge):
    ws = RawWebSocket(edge, extensions="permessage-deflate; client_max_window_bits")
    assert ws.status == 101
    assert ws.headers["sec-websocket-extensions"].startswith("permessage-deflate; server_no_context_takeover; client_no_context_takeover")


def test_silent_socket_is_closed_after_two_timeouts(make_edge):
    server = make_edge(env={"FAYE_TIMEOUT": "1"}).start()
    ws = RawWebSocket(server)
    assert ws.bayeux() == []
    ws.sock.settimeout(30)
    started = time.time()
    with pytest.raises((ConnectionError, OSError)):
        while True:
            ws.recv_frame()
    assert 10 <= time.time() - started < 20


def test_deliveries_are_compressed_when_permessage_deflate_is_agreed(edge):
    import zlib
    ws = RawWebSocket(edge, extensions="permessage-deflate")
    assert "permessage-deflate" in ws.headers["sec-websocket-extensions"]
    ws.send_frame(1, zlib_raw(b'[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["websocket"]}]'),
                  rsv1=True)
    opcode, payload, compressed = ws.recv_frame(with_rsv1=True)
    assert compressed
    client_id = json.loads(zlib.decompressobj(-15).decompress(payload + b"\x00\x00\xff\xff"))[0]["clientId"]
    for message in ([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/zip"}],
                    [{"channel": "/meta/connect", "clientId": client_id, "connectionType": "websocket"}]):
        ws.send_frame(1, zlib_raw(json.dumps(message).encode()), rsv1=True)
    ws.recv_frame(with_rsv1=True)
    publish(edge, "/zip", transport="long-polling")
    opcode, payload, compressed = ws.recv_frame(with_rsv1=True)
    assert compressed
    [delivered] = json.loads(zlib.decompressobj(-15).decompress(payload + b"\x00\x00\xff\xff"))
    assert (delivered["channel"], delivered["data"]) == ("/zip", {"n": 0})
    assert "auth_token" not in delivered["ext"]


def zlib_raw(data):
    import zlib
    compressor = zlib.compressobj(wbits=-15)
    return (compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH))[:-4]
