"""A second Elasticsearch node of our own, to stop and freeze.

The shared node (scripts/elasticsearch.sh, port 9200) serves every test and every engineer, so
what an outage does is tried on a node started here from the same install, with its own port,
data and logs, run as the same unprivileged user when we are root.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parents[2]
ES_HOME = ROOT / ".es" / "elasticsearch-8.19.21"  # where scripts/elasticsearch.sh unpacks it
ES_USER = os.environ.get("ES_USER", "enabled-es")
JAVA_HOME = os.environ.get("ES_JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def available():
    """Why no node can be started here, or "" when one can."""
    if not (ES_HOME / "bin" / "elasticsearch").exists():
        return f"no Elasticsearch install at {ES_HOME}: run scripts/elasticsearch.sh start once"
    if not Path(JAVA_HOME, "bin", "java").exists():
        return f"no Java at {JAVA_HOME}: set ES_JAVA_HOME"
    return ""


class OwnNode:
    """start(), freeze() / thaw() (SIGSTOP / SIGCONT), stop() (SIGTERM), start() again."""

    def __init__(self, heap="512m"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.heap = heap
        self.base = Path(tempfile.mkdtemp(prefix="enabled-es-node-"))
        self.pid = None
        self.launcher = None
        config = self.base / "config"
        shutil.copytree(ES_HOME / "config", config)
        (config / "elasticsearch.yml").write_text(
            f"cluster.name: enabled-own-{self.port}\n"
            "discovery.type: single-node\n"
            "xpack.security.enabled: false\n"
            "network.host: 127.0.0.1\n"
            f"http.port: {self.port}\n"
            f"path.data: {self.base / 'data'}\n"
            f"path.logs: {self.base / 'logs'}\n"
            "cluster.routing.allocation.disk.threshold_enabled: false\n"
        )
        for folder in ("data", "logs"):
            (self.base / folder).mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, ES_USER, ES_USER)
            for path in self.base.rglob("*"):
                shutil.chown(path, ES_USER, ES_USER)

    def client(self, **options):
        return Elasticsearch(self.url, **options)

    def start(self, timeout=120):
        pid_file = self.base / "node.pid"
        pid_file.unlink(missing_ok=True)
        environment = {
            **os.environ,
            "ES_PATH_CONF": str(self.base / "config"),
            "ES_JAVA_HOME": JAVA_HOME,
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
        }
        command = [str(ES_HOME / "bin" / "elasticsearch"), "-p", str(pid_file)]
        if os.geteuid() == 0:
            keep = "ES_PATH_CONF,ES_JAVA_HOME,ES_JAVA_OPTS"
            command = ["runuser", "-u", ES_USER, f"--whitelist-environment={keep}", "--", *command]
        self.launcher = subprocess.Popen(  # noqa: S603 - our own install, fixed arguments
            command,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=(self.base / "launcher.err").open("wb"),
        )
        deadline = time.monotonic() + timeout
        client = self.client(request_timeout=2, max_retries=0)
        while time.monotonic() < deadline:
            if self.launcher.poll() is not None:
                raise RuntimeError(f"the node exited while starting: see {self.base}/logs")
            try:
                if client.cluster.health()["status"] in {"green", "yellow"}:
                    self.pid = int(pid_file.read_text())
                    return
            except Exception:  # noqa: BLE001, S110 - not answering yet
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the node did not start within {timeout} s: see {self.base}/logs")

    def freeze(self):
        os.kill(self.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.pid, signal.SIGCONT)

    def stop(self):
        if self.pid:
            os.kill(self.pid, signal.SIGCONT)  # a frozen node cannot act on SIGTERM
            os.kill(self.pid, signal.SIGTERM)
        if self.launcher:
            try:
                self.launcher.wait(60)
            except subprocess.TimeoutExpired:
                self.launcher.kill()
                self.launcher.wait()
        self.pid = self.launcher = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)
