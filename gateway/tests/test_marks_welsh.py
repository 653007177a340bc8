"""The mark-entry pages in Welsh: the page text, the messages the script shows, the refusals."""
import json
import re

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of


@pytest.fixture
def welsh(browser, identity):
    identity.add_user("athro@ysgol.example", language="cy")
    browser.sign_in("athro@ysgol.example")
    return browser


def test_the_iamis_page_in_welsh(welsh, marks):
    samples.oracy(marks)
    page = text_of(welsh.get("/iamis"))
    for words in ("Mewnbynnu Marciau/Canlyniadau Asesu Mewnol", "Cliciwch ar deitl i agor y blwch",
                  "Dyddiad cau ar gyfer cyflwyno samplau a thaflenni clawr i'r cymedrolwr: 05/11/2025",
                  "RHOI MARCIAU (0 WEDI'U GWNEUD, 13 AR ÔL)", "DIM MARCIAU I'W CYFLWYNO (0 WEDI'U CYFLWYNO)",
                  "13 MARC AR GOLL", "CHYFLWYNO'R FFURFLEN HON"):
        assert words in page
    assert "ENTER MARKS" not in page


def test_the_marksheet_in_welsh(welsh, marks):
    unit = samples.oracy(marks)
    response = welsh.get(f"/iamis/units/{unit['id']}")
    html, page = response.get_data(as_text=True), text_of(response)
    assert '<html lang="cy">' in html
    for words in ("TAFLEN FARCIAU GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)", "Opsiynau",
                  "Chwilio am ymgeisydd", "Rhesi", "Trefnu yn ôl", "CHWILIO", "ARGRAFFU", "CADW A CHAU",
                  "(COFIWCH GYFLWYNO EICH MARCIAU)", "Rhif Ymgeisydd", "Task 1 (Uchafswm:40)",
                  "Blaenlythrennau'r Athro", "Marc Task 1 ar gyfer 1054 JONES: TOMOS"):
        assert words in page, words
    messages = json.loads(re.search(r'id="marksheet-messages">(.*?)</script>', html, re.S).group(1))
    assert messages["MARK_ABOVE_MAXIMUM"] == "Ni ddylai'r marc ar gyfer {task} fod yn fwy na {max}."
    assert messages["SAVED"] == "Wedi'i gadw: {field}"
    assert "ABSENNOL" in messages["ABSENT_CONFIRM"]


def test_a_refused_mark_is_explained_in_welsh(welsh, marks):
    unit = samples.oracy(marks)
    welsh.get(f"/iamis/units/{unit['id']}")
    response = welsh.post(f"/iamis/units/{unit['id']}", {"v|1054|task:Task 1": "45", "p|1054|task:Task 1": ""})
    page = text_of(response)
    assert "Mae problem wedi codi" in page
    assert "Ni ddylai'r marc ar gyfer Task 1 fod yn fwy na 40." in page


def test_submitted_page_in_welsh(welsh, marks):
    unit = samples.criminology(marks)
    samples.complete_marks(marks, unit)
    assert "Ydych chi'n siŵr eich bod am gyflwyno canlyniadau?" in text_of(welsh.get(f"/iamis/units/{unit['id']}/submit"))
    welsh.post(f"/iamis/units/{unit['id']}/submit")
    page = text_of(welsh.get(f"/iamis/units/{unit['id']}/submitted"))
    assert "CANLYNIADAU WEDI'U CYFLWYNO" in page and "Pwnc/Papur: 9611/L3 Wedi'u cyflwyno: 5" in page
    assert "UNWAITH Y BYDD MARCIAU/CANLYNIADAU WEDI'U CYFLWYNO" in text_of(welsh.get(f"/iamis/units/{unit['id']}"))


def test_board_pages_in_welsh(browser, identity, marks):
    identity.add_user("staff@cbac.example", account_type="board_staff", centres=[], permissions=[], language="cy")
    browser.sign_in("staff@cbac.example")
    browser.get("/board/series")
    page = text_of(browser.post("/board/series", {"name": "", "results_day": "31/02/2026"}))
    assert "Rhowch enw'r gyfres" in page and "Rhowch y diwrnod canlyniadau fel dyddiad go iawn" in page
    assert "Ychwanegu cyfres" in page
