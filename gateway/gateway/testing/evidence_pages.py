"""What the evidence tests of the gateway share: a unit whose sample is uploaded, submitted and known to the
fake evidence service, and ways to read the Upload column and the upload script's texts off a page."""
import json
import re

from . import marks_samples as samples
from .browser import PageText

CENTRE = "68101"
SYSTEM = {"1054": "highest", "3268": "lowest", "3301": "spread"}
MIB = 1024 * 1024


def upload_unit(marks, count: int = 5) -> dict:
    """3653U1, whose sample is uploaded through IAMIS, every candidate marked."""
    unit = samples.linear(marks, count=count)
    unit["evidence_upload"] = True
    samples.complete_marks(marks, unit)
    return unit


def submit(unit: dict, marks, sampling, evidence, system: dict | None = None, **unit_options) -> dict:
    """The marksheet submitted, its sample chosen and both heard of by the evidence service."""
    marks.submitted[(str(unit["id"]), CENTRE)] = "2025-05-20T10:00:00+00:00"
    sampling.generate(unit, CENTRE, SYSTEM if system is None else system)
    evidence.open_unit(unit, CENTRE, **unit_options)
    return unit


def row_of(html: str, number: str) -> str:
    return re.search(rf'<tr data-candidate="{number}">(.*?)</tr>', html, re.S).group(1)


def error_summary(html: str) -> str:
    return re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S).group(0)


def inputs_of(html: str) -> list[str]:
    """The labels of the file inputs on a page."""
    ids = re.findall(r'<input class="upload__input" type="file" id="([^"]+)"', html)
    return [re.search(rf'<label[^>]*for="{i}">([^<]*)</label>', html).group(1) for i in ids]


def script_messages(html: str) -> dict:
    """The texts the page hands its upload script."""
    return json.loads(re.search(r'id="evidence-messages">(.*?)</script>', html, re.S).group(1))


def text_of_html(html: str) -> str:
    parser = PageText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
