"""The evidence service's read API as the moderator's pages use it: the allocated centres' units, and one
unit's sample, files and note. The pages only read: the evidence service refuses a moderator's writes anyway."""
from .evidence_client import API_PREFIX, EvidenceClient, EvidenceRefused, EvidenceUnavailable

__all__ = ["EvidenceRefused", "EvidenceUnavailable", "ModeratorEvidenceClient", "download_link"]
DOWNLOAD_PREFIX = API_PREFIX + "/files/"


class ModeratorEvidenceClient(EvidenceClient):
    def allocated(self, user: dict) -> list[dict]:
        """[{centre, units: [{unit_id, unit_code, unit_title, series, deadline, files}]}]"""
        centres = self._call(user, "GET", "/allocated").get("centres")
        if not isinstance(centres, list):
            raise EvidenceUnavailable("evidence answered /allocated without centres")
        return centres


def download_link(file: dict) -> str | None:
    """The file's download address, only if it is the evidence service's own (same site, through nginx)."""
    url = str(file.get("download_url") or "")
    return url if url.startswith(DOWNLOAD_PREFIX) and "//" not in url and "\\" not in url else None
