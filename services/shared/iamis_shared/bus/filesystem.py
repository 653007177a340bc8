"""kombu's filesystem transport, with whole messages only.

kombu creates the message file, then writes it; a consumer in another process can take the file in
between and read it empty (the worker then stops, and the message is lost). Here a message is written
beside the queue folder and renamed into it, which is atomic: a reader sees all of it or nothing.
"""
import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        staging = os.path.join(os.path.dirname(os.path.abspath(self.data_folder_out)), "staging")
        try:
            os.makedirs(staging, exist_ok=True)
            with open(os.path.join(staging, name), "wb") as f:
                f.write(str_to_bytes(dumps(payload)))
            os.replace(os.path.join(staging, name), os.path.join(self.data_folder_out, name))
        except OSError as exc:
            raise ChannelError(f"Cannot add message {name!r} to the queue folder") from exc


class Transport(filesystem.Transport):
    Channel = Channel
