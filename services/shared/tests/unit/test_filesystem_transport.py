"""The embedded transport never shows a consumer a message file that is still being written."""
import json
import os

from kombu import Exchange, Queue

from iamis_shared.bus import filesystem
from iamis_shared.bus.connection import connect


def test_a_message_enters_the_queue_folder_whole_by_one_rename(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def replace(source, target):
        if str(source).endswith(".msg"):
            with open(source) as written:
                seen.append((os.path.dirname(source), os.path.dirname(target), json.loads(written.read())))
        return real_replace(source, target)

    monkeypatch.setattr(filesystem.os, "replace", replace)
    exchange = Exchange("events", type="topic")
    queue = Queue("reports", exchange, routing_key="identity.#")
    with connect(f"filesystem://{tmp_path}") as connection:
        assert isinstance(connection.transport, filesystem.Transport)
        queue(connection.default_channel).declare()
        connection.Producer(serializer="json").publish({"n": 1}, exchange=exchange,
                                                       routing_key="identity.user_activated")
        message = queue(connection.default_channel).get()

    assert seen, "every message goes through the staging folder"
    for staging, messages, written in seen:
        assert staging == str(tmp_path / "staging") and messages == str(tmp_path / "messages")
        assert written["properties"]["delivery_info"]["routing_key"] == "identity.user_activated"  # whole already
    assert message.payload == {"n": 1}
    assert os.listdir(tmp_path / "staging") == []
