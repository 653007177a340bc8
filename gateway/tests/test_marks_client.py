"""The marks client: a user token for the "marks" audience, the contract's refusals, outages."""
import pytest
import requests

from gateway.marks_client import MarksClient, MarksRefused, MarksUnavailable
from gateway.testing.fake_answer import FakeAnswer
from iamis_shared.tokens import TokenIssuer, TokenVerifier

USER = {"sub": "u-1", "name": "Sam Jones", "email": "sam@school.example", "account_type": "user",
        "centres": ["68101"], "permissions": ["iamis"]}


class Answers:
    """Answers each call with the next prepared answer (or raises it), keeping what was asked."""

    def __init__(self, *answers):
        self.answers, self.asked = list(answers), []

    def request(self, method, url, **sent):
        self.asked.append((method, url, sent))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def client(token_keys):
    def make(*answers):
        return MarksClient("http://marks.test/", TokenIssuer(token_keys[0]), http=Answers(*answers))
    return make


def test_calls_carry_a_user_token_for_marks(client, token_keys):
    marks = client(FakeAnswer(200, {"centre": "68101", "series": []}))
    assert marks.units(USER, "68101") == {"centre": "68101", "series": []}
    method, url, sent = marks.http.asked[0]
    assert (method, url) == ("GET", "http://marks.test/api/marks/v1/centres/68101/units")
    principal = TokenVerifier(token_keys[1], audience="marks").verify(
        sent["headers"]["Authorization"].removeprefix("Bearer "))
    assert (principal.sub, principal.kind, principal.centres) == ("u-1", "user", ("68101",))


def test_path_parts_are_quoted(client):
    marks = client(FakeAnswer(200, {"row": {}, "counts": {}}))
    marks.save(USER, "68101", "9611/L3", "1054", "task:Task 1", "15", "")
    assert marks.http.asked[0][1].endswith("/centres/68101/units/9611%2FL3/candidates/1054")
    assert marks.http.asked[0][2]["json"] == {"field": "task:Task 1", "value": "15", "previous": ""}


def test_a_refusal_keeps_its_code_message_and_details(client):
    marks = client(FakeAnswer(422, {"code": "MARK_ABOVE_MAXIMUM", "message": "No more than 40.",
                                    "details": {"max": 40}}))
    with pytest.raises(MarksRefused) as refused:
        marks.save(USER, "68101", 101, "1054", "task:Task 1", "45", "")
    assert (refused.value.status, refused.value.code, refused.value.details) == (422, "MARK_ABOVE_MAXIMUM",
                                                                                 {"max": 40})


@pytest.mark.parametrize("answer", [
    requests.ConnectionError("down"), requests.Timeout("slow"), FakeAnswer(500, {"code": "INTERNAL_ERROR"}),
    FakeAnswer(502, text="<html>Bad gateway</html>"), FakeAnswer(401, {"code": "TOKEN_INVALID"}),
    FakeAnswer(200, text="not json"),
])
def test_outages_and_broken_answers_are_unavailable(client, answer):
    with pytest.raises(MarksUnavailable):
        client(answer).units(USER, "68101")


def test_lists_are_read_bare_or_wrapped(client):
    assert client(FakeAnswer(200, [{"id": 1}])).series(USER) == [{"id": 1}]
    assert client(FakeAnswer(200, {"series": [{"id": 2}]})).series(USER) == [{"id": 2}]
    with pytest.raises(MarksUnavailable):
        client(FakeAnswer(200, {"something": "else"})).series(USER)


def test_export_returns_the_open_answer_to_stream(client):
    answer = FakeAnswer(200, text="candidate_number\n1054\n", headers={"Content-Type": "text/csv"})
    marks = client(answer)
    assert marks.export(USER, "68101", 101) is answer
    assert marks.http.asked[0][2]["stream"] is True
