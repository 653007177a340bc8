"""Steps of the upload benchmark: the demo's 3653U1 marked and submitted through the APIs, then one file
uploaded by the marksheet page's own script in headless Chromium, timed until the page lists it."""
import shutil
import time
from pathlib import Path

UNIT_CODE, CENTRE = "3653U1", "68101"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def submitted_unit(teacher, base: str) -> tuple[int, str]:
    """Mark and submit 3653U1; returns its unit id and a candidate in the sample once evidence knows it."""
    units = teacher.get(f"{base}/api/marks/v1/centres/{CENTRE}/units").json()
    unit = next(u for s in units["series"] for u in s["units"] if u["code"] == UNIT_CODE)
    api = f"{base}/api/marks/v1/centres/{CENTRE}/units/{unit['id']}"
    sheet = teacher.get(f"{api}/marksheet?rows=all").json()
    task = f"task:{sheet['unit']['tasks'][0]['name']}"
    for index, row in enumerate(sheet["rows"]):
        teacher.patch(f"{api}/candidates/{row['candidate_number']}",
                      json={"field": task, "value": str(20 + index * 3), "previous": ""}).raise_for_status()
    teacher.post(f"{api}/submit").raise_for_status()
    listing = f"{base}/api/evidence/v1/centres/{CENTRE}/units/{unit['id']}/evidence"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        answer = teacher.get(listing)
        if answer.ok and answer.json()["sample"] and answer.json()["can_upload"]:
            return unit["id"], answer.json()["sample"][0]["candidate_number"]
        time.sleep(0.3)
    raise RuntimeError(f"no sample reached the evidence service: {answer.status_code} {answer.text[:200]}")


def browser_upload(base: str, teacher, unit_id: int, candidate: str, path: Path) -> float:
    """Seconds from choosing the file on the page to the page listing it as uploaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(base_url=base)
            context.add_cookies([{"name": c.name, "value": c.value, "url": base} for c in teacher.cookies])
            page = context.new_page()
            page.goto(f"/iamis/units/{unit_id}?show=samples&rows=all")
            page.wait_for_selector("#evidence-upload[data-ready=yes]", state="attached")
            box = page.locator(f"#upload-c{candidate}")
            started = time.monotonic()
            box.locator("input[type=file]").set_input_files(path)
            box.locator(".upload__name", has_text=path.name).wait_for(timeout=10 * 60 * 1000)
            return time.monotonic() - started
        finally:
            browser.close()
