"""The unchanged Faye Ruby client over TLS long-polling, and curl for the other HTTP transports."""
import json
import subprocess

import pytest

from faye_clients import RubyClient, publish


@pytest.fixture
def subscriber(edge):
    started = []

    def start(channels, **kwargs):
        client = RubyClient(edge, "subscriber.rb", "--channels", ",".join(channels), **kwargs)
        started.append(client)
        ready = client.wait_for("ready")
        return client, ready

    yield start
    for client in started:
        client.kill()


def test_subscribe_publish_receive(edge, subscriber):
    client, ready = subscriber(["/news"])
    assert ready["transport"] == "long-polling"
    result = publish(edge, "/news")
    assert result["ok"] == 1 and result["errors"] == []
    message = client.wait_for("message")
    assert message == {"event": "message", "channel": "/news", "data": {"n": 0}}


def test_unsubscribed_client_receives_no_more(edge, subscriber):
    stayer, _ = subscriber(["/unsub"])
    quitter = RubyClient(edge, "subscriber.rb", "--channels", "/unsub", "--unsubscribe-after", "1")
    quitter.wait_for("ready")
    publish(edge, "/unsub")
    quitter.wait_for("unsubscribed")
    publish(edge, "/unsub", count=3)
    for _ in range(4):
        stayer.wait_for("message")
    quitter.process.terminate()
    seen = quitter.finish()
    assert [e["data"]["n"] for e in seen if e["event"] == "message"] == [0]
    assert [m["data"]["n"] for m in stayer.messages()] == [0, 0, 1, 2]


def test_wildcards_receive_exactly_the_matching_channels(edge, subscriber):
    one, _ = subscriber(["/w/*"])
    deep, _ = subscriber(["/x/**"])
    for channel in ["/w/a", "/w/a/b", "/x/a", "/x/a/b", "/y", "/w"]:
        assert publish(edge, channel)["ok"] == 1
    publish(edge, "/w/end")
    publish(edge, "/x/end")
    one.wait_for("message")
    assert one.wait_for("message")["channel"] == "/w/end"
    assert [m["channel"] for m in one.messages()] == ["/w/a", "/w/end"]
    deep.wait_for("message")
    deep.wait_for("message")
    assert deep.wait_for("message")["channel"] == "/x/end"
    assert [m["channel"] for m in deep.messages()] == ["/x/a", "/x/a/b", "/x/end"]


@pytest.mark.parametrize("service,token,origin,reason", [
    ("Publisher", "wrong-token", "http://localhost:3000", "Invalid token"),
    ("Nobody", "test-token-1", "http://localhost:3000", "Unknown service"),
    ("Publisher", "test-token-1", "http://evil.example", "Origin mismatch"),
    (None, None, "http://localhost:3000", "Missing credentials"),
])
def test_refused_publishes_deliver_nothing(edge, subscriber, service, token, origin, reason):
    channel = f"/refused/{reason.replace(' ', '-')}"
    client, _ = subscriber([channel])
    result = publish(edge, channel, service=service, token=token, origin=origin)
    assert result["ok"] == 0
    assert result["errors"] == [reason]
    assert "test-token" not in json.dumps(result)
    publish(edge, channel)  # a good publish afterwards is the only thing delivered
    assert client.wait_for("message")["data"] == {"n": 0}
    assert len(client.messages()) == 1


def test_hundred_messages_arrive_in_order(edge, subscriber):
    client, _ = subscriber(["/ordered"])
    assert publish(edge, "/ordered", count=100)["ok"] == 100
    for _ in range(100):
        client.wait_for("message")
    assert [m["data"]["n"] for m in client.messages()] == list(range(100))


def test_two_hundred_clients_each_get_twenty_messages_once(edge):
    crowd = RubyClient(edge, "crowd.rb", "--clients", 200, "--channel", "/crowd", "--expect", 20, timeout=60)
    crowd.wait_for("ready", timeout=60)
    assert publish(edge, "/crowd", count=20)["ok"] == 20
    done = crowd.wait_for("done", timeout=60)
    assert done["counts"] == [list(range(20))] * 200


# --- curl: the other HTTP transports ------------------------------------------------

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
    import time
    time.sleep(0.5)
    publish(edge, "/es")
    out, _ = stream.communicate(timeout=15)
    text = out.decode()
    assert text.startswith("retry: 5000\r\n\r\n")
    assert 'data: [{"channel":"/es","data":{"n":0}' in text
