"""Steps of the evidence tests: a unit whose sample is uploaded, marked through the marks API and submitted
through the page, the marksheet reloaded until the evidence service has heard of the sample, and ways to
choose files and watch the part PUTs the page sends to object storage."""
import hashlib
import re
import time
import uuid
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from .board_setup import SURNAMES, board_for
from .signing_in import sign_in

CENTRE = "68101"
MIB = 1024 * 1024
CANDIDATES, SAMPLED = 20, 15  # the default rule: 16-100 candidates with a mark give a sample of 15
UPLOAD_TIMEOUT = 90_000


def portfolio_unit(browser, stack, staff, candidates: int, group_upload: bool = False, code: str = "3653U1") -> dict:
    """GCSE ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO (3653U1 unless told), its sample uploaded through IAMIS."""
    board = board_for(browser, stack.stack.url, staff)
    series = board.post("/series", {"name": f"GCSE JUNE {uuid.uuid4().hex[:6].upper()}", "results_day": "2027-08-20"})
    unit = board.post(f"/series/{series['id']}/units", {
        "code": code, "title": "ART & DESIGN TEXTILE DESIGN UNIT 1 PORTFOLIO", "kind": "marks",
        "tasks": [{"name": "Mark", "max": 120}], "evidence_upload": True, "group_upload": group_upload,
        "deadline": "2027-06-15"})
    numbers = [f"{1001 + n}" for n in range(candidates)]
    board.entries(unit["id"], numbers, CENTRE)
    board.page.context.close()
    return {**unit, "numbers": numbers, "names": {n: f"{SURNAMES[int(n) % len(SURNAMES)]}: CERYS" for n in numbers}}


def mark_and_submit(page, teacher, unit: dict) -> None:
    """Every candidate marked through the marks API (as the page's script saves), then SUBMIT on the page."""
    sign_in(page, teacher)
    page.goto(f"/iamis/units/{unit['id']}")
    csrf = page.locator("meta[name=csrf-token]").get_attribute("content")
    for index, number in enumerate(unit["numbers"]):
        saved = page.request.patch(f"/api/marks/v1/centres/{CENTRE}/units/{unit['id']}/candidates/{number}",
                                   data={"field": "task:Mark", "value": str(30 + index * 3), "previous": ""},
                                   headers={"X-CSRFToken": csrf})
        assert saved.ok, (number, saved.status, saved.text())
    page.goto(f"/iamis/units/{unit['id']}/submit")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(unit["code"])


def upload_inputs_when_ready(page, unit: dict, expected: int, query: str = "show=samples&rows=all"):
    """The marksheet, reloaded until the evidence service has heard of the sample (through the bus)."""
    inputs = page.locator("#marksheet input[type=file]")
    deadline = time.monotonic() + 20
    while True:
        page.goto(f"/iamis/units/{unit['id']}?{query}")
        if inputs.count() == expected or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    expect(inputs).to_have_count(expected)
    expect(page.locator("#evidence-upload")).to_have_attribute("data-ready", "yes")
    return inputs


def api_json(page, path: str) -> dict:
    answer = page.request.get(f"/api/evidence/v1{path}")
    assert answer.ok, (path, answer.status, answer.text())
    return answer.json()


def make_file(folder, name: str, size: int, seed: int = 7):
    """A file of pseudo-random bytes (so no part equals another) and its SHA-256."""
    path = folder / name
    digest = hashlib.sha256()
    block = hashlib.sha256(str(seed).encode()).digest() * (MIB // 32)
    with open(path, "wb") as out:
        for index in range(size // MIB):
            chunk = hashlib.sha256(f"{seed}-{index}".encode()).digest() + block[32:]
            out.write(chunk)
            digest.update(chunk)
        rest = block[: size % MIB]
        out.write(rest)
        digest.update(rest)
    return path, digest.hexdigest()


def submitted_unit(page, browser, stack, new_user) -> tuple[dict, str]:
    """3653U1 submitted by a teacher signed in on `page`, and the first candidate of its sample."""
    unit = portfolio_unit(browser, stack, new_user(account_type="board_staff", centre=None), CANDIDATES)
    mark_and_submit(page, new_user(), unit)
    upload_inputs_when_ready(page, unit, SAMPLED)
    return unit, page.locator("#marksheet [data-upload]").first.get_attribute("data-candidate")


def upload_box(page, number: str):
    return page.locator(f"#upload-c{number}")


def choose_file(page, number: str, path) -> None:
    upload_box(page, number).get_by_label(re.compile(rf"^Upload evidence for {number} ")).set_input_files(path)


def part_of(url: str) -> int:
    """The part number a presigned UploadPart URL is for (0 for any other object store request)."""
    return int(parse_qs(urlsplit(url).query).get("partNumber", ["0"])[0])


def count_part_puts(page) -> dict:
    """How many part PUTs to object storage are in flight at most, which parts were sent, with which MD5."""
    seen = {"now": 0, "most": 0, "parts": [], "md5": {}}

    def started(request):
        if request.method == "PUT" and "/s3/" in request.url:
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
            seen["parts"].append(part_of(request.url))
            seen["md5"][part_of(request.url)] = request.headers.get("content-md5")

    def ended(request):
        if request.method == "PUT" and "/s3/" in request.url:
            seen["now"] -= 1

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    return seen


def uploads_of(page, unit: dict) -> list:
    """The unit's unfinished uploads as the evidence service lists them."""
    return api_json(page, f"/centres/{CENTRE}/units/{unit['id']}/evidence")["uploads"]


def wait_for(check, seconds: float = 20):
    """`check()` once it is true (the service and the bus move on their own), else its last value."""
    deadline = time.monotonic() + seconds
    while not (found := check()) and time.monotonic() < deadline:
        time.sleep(0.3)
    return found
