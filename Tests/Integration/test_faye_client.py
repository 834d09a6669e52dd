"""The unchanged Faye Ruby client over TLS, on long-polling and on WebSocket: every
scenario runs on both transports, and checks which one the client ended up on."""
import json

import pytest

from faye_clients import RubyClient, publish as publish_with


@pytest.fixture(params=["long-polling", "websocket"])
def transport(request):
    return request.param


@pytest.fixture
def subscriber(edge, transport):
    started = []

    def start(channels, **kwargs):
        client = RubyClient(edge, "subscriber.rb", "--channels", ",".join(channels), transport=transport, **kwargs)
        started.append(client)
        ready = client.wait_for("ready")
        assert ready["transport"] == transport
        return client, ready

    yield start
    for client in started:
        client.kill()


@pytest.fixture
def publish(edge, transport):
    def run(_edge, channel, **kwargs):
        result = publish_with(edge, channel, transport=transport, **kwargs)
        if result["ok"]:
            assert result["transport"] == transport
        return result
    return run


def test_subscribe_publish_receive(edge, subscriber, publish):
    client, _ = subscriber(["/news"])
    result = publish(edge, "/news")
    assert result["ok"] == 1 and result["errors"] == []
    message = client.wait_for("message")
    assert message == {"event": "message", "channel": "/news", "data": {"n": 0}}


def test_unsubscribed_client_receives_no_more(edge, subscriber, publish, transport):
    stayer, _ = subscriber(["/unsub"])
    quitter = RubyClient(edge, "subscriber.rb", "--channels", "/unsub", "--unsubscribe-after", "1", transport=transport)
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


def test_wildcards_receive_exactly_the_matching_channels(edge, subscriber, publish):
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
def test_refused_publishes_deliver_nothing(edge, subscriber, publish, service, token, origin, reason):
    channel = f"/refused/{reason.replace(' ', '-')}"
    client, _ = subscriber([channel])
    result = publish(edge, channel, service=service, token=token, origin=origin)
    assert result["ok"] == 0
    assert result["errors"] == [reason]
    assert "test-token" not in json.dumps(result)
    publish(edge, channel)  # a good publish afterwards is the only thing delivered
    assert client.wait_for("message")["data"] == {"n": 0}
    assert len(client.messages()) == 1


def test_hundred_messages_arrive_in_order(edge, subscriber, publish):
    client, _ = subscriber(["/ordered"])
    assert publish(edge, "/ordered", count=100)["ok"] == 100
    for _ in range(100):
        client.wait_for("message")
    assert [m["data"]["n"] for m in client.messages()] == list(range(100))


def test_two_hundred_clients_each_get_twenty_messages_once(edge, publish, transport):
    crowd = RubyClient(edge, "crowd.rb", "--clients", 200, "--channel", "/crowd", "--expect", 20,
                       transport=transport, timeout=60)
    assert crowd.wait_for("ready", timeout=60)["transports"] == {transport: 200}
    assert publish(edge, "/crowd", count=20)["ok"] == 20
    done = crowd.wait_for("done", timeout=60)
    assert done["counts"] == [list(range(20))] * 200
