"""Faye's other HTTP transports driven with curl: form POST (CORS), JSONP, preflight,
EventSource, and the HTTP answers to bad requests."""
import json
import socket
import ssl
import subprocess
import time

import pytest

from conftest import metric
from faye_clients import publish


def post_json(edge, body, *extra):
    result = edge.curl("-i", "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body, *extra,
                       f"{edge.url}/faye")
    head, _, payload = result.stdout.partition("\n\n")
    return head, payload


def handshake(edge):
    _, body = post_json(edge, '[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling"]}]')
    return json.loads(body)[0]["clientId"]


def test_form_post_like_the_cors_transport(edge):
    message = json.dumps([{"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["cross-origin-long-polling"], "id": "f"}])
    result = edge.curl("-i", "-H", "Origin: http://app.example", "--data-urlencode", f"message={message}", f"{edge.url}/faye")
    head, _, body = result.stdout.partition("\n\n")
    assert head.startswith("HTTP/1.1 200")
    assert "Access-Control-Allow-Origin: http://app.example" in head
    assert "Access-Control-Allow-Credentials: true" in head
    reply = json.loads(body)
    assert reply[0]["successful"] is True and reply[0]["id"] == "f"


def test_get_is_answered_as_jsonp(edge):
    message = '[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["callback-polling"]}]'
    result = edge.curl("-i", "-G", "--data-urlencode", f"message={message}", "--data-urlencode", "jsonp=cb.f$1",
                       f"{edge.url}/faye")
    head, _, body = result.stdout.partition("\n\n")
    assert "Content-Type: text/javascript; charset=utf-8" in head
    assert "Content-Disposition: attachment; filename=f.txt" in head
    assert body.startswith("/**/cb.f$1([{") and body.endswith("]);")
    default = edge.curl("-G", "--data-urlencode", f"message={message}", f"{edge.url}/faye").stdout
    assert default.startswith("/**/jsonpcallback(")


@pytest.mark.parametrize("callback", ["42", "alert(1)", "cb\nalert(1)//", "a..b", ""])
def test_bad_jsonp_callback_is_400(edge, callback):
    result = edge.curl("-i", "-G", "--data-urlencode", 'message=[]', "--data-urlencode", f"jsonp={callback}",
                       f"{edge.url}/faye")
    assert result.stdout.startswith("HTTP/1.1 400")


def test_cors_preflight(edge):
    result = edge.curl("-i", "-X", "OPTIONS", "-H", "Origin: http://app.example",
                       "-H", "Access-Control-Request-Method: POST", f"{edge.url}/faye")
    head = result.stdout
    assert head.startswith("HTTP/1.1 200")
    for header in ["Access-Control-Allow-Origin: http://app.example", "Access-Control-Allow-Credentials: true",
                   "Access-Control-Allow-Methods: POST, GET", "Access-Control-Max-Age: 86400",
                   "Access-Control-Allow-Headers: Accept, Authorization, Content-Type, Pragma, X-Requested-With"]:
        assert header in head


@pytest.mark.parametrize("body", ["{not json", "42", '"text"', "null", ""])
def test_bad_json_is_400(edge, body):
    head, payload = post_json(edge, body)
    assert head.startswith("HTTP/1.1 400"), head
    assert payload == "Bad request"


def test_unknown_client_gets_401_advice_to_handshake(edge):
    _, body = post_json(edge, '[{"channel":"/meta/connect","clientId":"nope","connectionType":"long-polling","id":"c"}]')
    assert json.loads(body) == [{"id": "c", "channel": "/meta/connect", "successful": False,
                                 "error": "401:nope:Unknown client", "advice": {"reconnect": "handshake"}}]


def test_publish_to_a_pattern_is_a_bayeux_error_in_a_200(edge):
    head, body = post_json(edge, '[{"channel":"/foo/*","data":1}]')
    assert head.startswith("HTTP/1.1 200")
    assert json.loads(body) == [{"channel": "/foo/*", "successful": False, "error": "405:/foo/*:Invalid channel"}]


def test_eventsource_stream_carries_published_messages(edge):
    client_id = handshake(edge)
    subscribe = json.dumps([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/es"}])
    post_json(edge, subscribe)
    stream = subprocess.Popen(["curl", "-sS", "-N", "--cacert", str(edge.ca), "-H", "Accept: text/event-stream",
                               "--max-time", "5", f"{edge.url}/faye/{client_id}"], stdout=subprocess.PIPE)
    time.sleep(0.5)
    publish(edge, "/es")
    out, _ = stream.communicate(timeout=15)
    text = out.decode()
    assert text.startswith("retry: 5000\r\n\r\n")
    assert 'data: [{"channel":"/es","data":{"n":0}' in text


def test_eventsource_reader_that_stops_reading_is_cut_off(make_edge):
    server = make_edge(env={"FAYE_MAX_OUTPUT_BUFFER": "65536"}).start()
    client_id = handshake(server)
    post_json(server, json.dumps([{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/es"}]))
    # A small receive window from the start, so the kernel cannot take the backlog off the server's hands.
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", server.https_port))
    stream = ssl.create_default_context(cafile=str(server.ca)).wrap_socket(raw, server_hostname="localhost")
    stream.sendall(f"GET /faye/{client_id} HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n".encode())
    # It never reads again: the batches below pile up until the server gives up on it.
    batch = json.dumps([{"channel": "/es", "data": {"n": n, "pad": "z" * 60000},
                         "ext": {"service": "Publisher", "auth_token": "test-token-1"}} for n in range(10)])
    body = server.workdir / "batch.json"
    body.write_text(batch)
    for _ in range(30):
        post_json(server, f"@{body}", "-H", "Origin: http://localhost:3000")
        if slow_reader_disconnects(server):
            break
    assert slow_reader_disconnects(server) == 1
    # Cut off means closed now, not once the backlog the reader will never take has drained.
    deadline = time.time() + 5
    while open_connections(server) > 0 and time.time() < deadline:
        time.sleep(0.1)
    assert open_connections(server) == 0
    stream.close()


def slow_reader_disconnects(edge):
    return metric(edge, "bayeux_edge_slow_reader_disconnects_total")


def open_connections(edge):
    # Not counting the curl that asks.
    return metric(edge, "bayeux_edge_connections_open") - 1


def publish_with_token(edge, token, service="Publisher"):
    body = json.dumps([{"channel": "/reload", "data": 1, "ext": {"service": service, "auth_token": token}}])
    _, payload = post_json(edge, body, "-H", "Origin: http://localhost:3000")
    return json.loads(payload)[0]


def test_sighup_reloads_tokens_and_keeps_them_when_the_new_file_is_bad(make_edge):
    import signal
    server = make_edge().start()
    tokens = server.workdir / "tokens" / "tokens.json"
    assert publish_with_token(server, "test-token-1")["successful"] is True
    tokens.write_text(json.dumps({"Publisher": {"origin": "http://localhost:3000", "auth_token": "rotated"}}))
    server.signal(signal.SIGHUP)
    deadline = time.time() + 10
    while publish_with_token(server, "rotated").get("successful") is not True:
        assert time.time() < deadline, server.log()
        time.sleep(0.1)
    assert publish_with_token(server, "test-token-1")["error"] == "403:/reload:Invalid token"
    tokens.write_text('{"Publisher": {"origin": ')
    server.signal(signal.SIGHUP)
    while not any("tokens kept" in e.get("msg", "") for e in server.log_entries()):
        assert time.time() < deadline + 10, server.log()
        time.sleep(0.1)
    assert publish_with_token(server, "rotated")["successful"] is True
    assert "rotated" not in server.log(), "a token never reaches the log"
