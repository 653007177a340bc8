"""A TCP forwarder on 127.0.0.1 that a test can stop and start again on the same port.

Stopping closes the listener and every open link, as a broker going away would look to a client.
"""
import socket
import threading


class TcpProxy:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = 0  # chosen by the system on the first start, kept afterwards
        self._lock = threading.Lock()
        self._links: set[socket.socket] = set()
        self._pipes: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._accepting: threading.Thread | None = None

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.05)  # accept() wakes up often enough to see stop()
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._stopping.clear()
        self._accepting = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._accepting.start()

    def stop(self) -> None:
        if self._accepting is None:
            return
        self._stopping.set()
        self._accepting.join(timeout=2)  # after this no new link appears
        self._listener.close()
        with self._lock:
            links, self._links = list(self._links), set()
        for link in links:
            _close(link)
        for pipe in self._pipes:
            pipe.join(timeout=2)
        self._pipes, self._accepting = [], None

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            with self._lock:
                self._links.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                pipe = threading.Thread(target=self._pipe, args=(source, sink), daemon=True)
                self._pipes.append(pipe)
                pipe.start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:  # the other direction, or stop(), closed the link
            pass
        finally:
            _close(source)
            _close(sink)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # already shut
        pass
    sock.close()
