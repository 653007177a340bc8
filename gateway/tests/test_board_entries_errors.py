"""A refused entries file lists each bad line in the board staff member's language, worded by its code."""
import io

import pytest

from gateway.testing import marks_samples as samples
from gateway.testing import text_of

BAD_ENTRIES = ("centre,candidate_number,surname,forename,date_of_birth\n68101,5001,Parry,Gwen,2009-03-14\n"
               "681,5002,Bowen,Huw,2009-03-14\n68101,5003,Rees,Ann,31/02/2009\n68101,1054,Jones,Tomos,2009-03-14\n"
               "68101,5004,Ellis,,2009-03-14\n68101,5001,Parry,Gwen,2009-03-14\n")

LINES = {
    "cy": ["Ni lwythwyd y ffeil: ni ychwanegwyd unrhyw gofrestriadau.",
           "Llinell 3, ymgeisydd 5002: Nid yw rhif y ganolfan 681 yn 5 digid.",
           "Llinell 4, ymgeisydd 5003: Nid yw'r dyddiad geni 31/02/2009 yn ddyddiad go iawn yn y gorffennol "
           "(ysgrifennwch ef ar ffurf BBBB-MM-DD neu DD/MM/BBBB).",
           "Llinell 5, ymgeisydd 1054: Mae ymgeisydd 1054 eisoes wedi'i gofrestru ar gyfer 3700U1 yng nghanolfan "
           "68101.",
           "Llinell 6, ymgeisydd 5004: Mae'r enw cyntaf ar goll.",
           "Llinell 7, ymgeisydd 5001: Mae ymgeisydd 5001 canolfan 68101 hefyd ar linell 2."],
    "en": ["The file was not loaded: no entries were added.",
           "Line 3, candidate 5002: The centre number 681 is not 5 digits.",
           "Line 4, candidate 5003: The date of birth 31/02/2009 is not a real past date (write it as YYYY-MM-DD "
           "or DD/MM/YYYY).",
           "Line 5, candidate 1054: Candidate 1054 is already entered for 3700U1 at centre 68101.",
           "Line 6, candidate 5004: The forename is missing.",
           "Line 7, candidate 5001: Candidate 5001 of centre 68101 is also on line 2."],
}


def staff_in(browser, identity, language: str):
    identity.add_user("staff@wjec.example", account_type="board_staff", centres=[], permissions=[],
                      language=language)
    browser.sign_in("staff@wjec.example")
    return browser


def load(browser, unit, text: str) -> str:
    browser.get(f"/board/units/{unit['id']}/entries")
    return text_of(browser.post(f"/board/units/{unit['id']}/entries", {"file": (io.BytesIO(text.encode()), "e.csv")},
                                content_type="multipart/form-data"))


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_bad_entry_line_is_in_the_staff_members_language(browser, identity, marks, language):
    unit = samples.oracy(marks, count=2)
    page = load(staff_in(browser, identity, language), unit, BAD_ENTRIES)
    for line in LINES[language]:
        assert line in page, line
    other = LINES["en" if language == "cy" else "cy"]
    assert not [line for line in other[1:] if line.split(": ", 1)[1] in page]
    assert "5001" not in marks.entries[(str(unit["id"]), "68101")]


def test_wrong_columns_are_named_in_welsh(browser, identity, marks):
    unit = samples.oracy(marks, count=2)
    page = load(staff_in(browser, identity, "cy"), unit, "centre,number\n68101,1\n")
    assert ("Llinell 1: Rhaid i'r rhes gyntaf enwi'r colofnau: centre, candidate_number, surname, forename, "
            "date_of_birth.") in page
