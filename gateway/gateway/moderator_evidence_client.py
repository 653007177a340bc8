"""Links the moderator's pages give to the evidence service's files. The pages only read, through the one
EvidenceClient the marksheet uses: the evidence service refuses a moderator's writes anyway."""
from .evidence_client import API_PREFIX

DOWNLOAD_PREFIX = API_PREFIX + "/files/"


def download_link(file: dict) -> str | None:
    """The file's download address, only if it is the evidence service's own (same site, through nginx)."""
    url = str(file.get("download_url") or "")
    return url if url.startswith(DOWNLOAD_PREFIX) and "//" not in url and "\\" not in url else None
