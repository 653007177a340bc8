"""Each consumer keeps its own copy of the schemas it reads; these tests hold the copies to the publisher's."""
import importlib
import uuid
from datetime import datetime, timezone

import pytest
from marshmallow import fields

from iamis_shared.bus.envelope import new_envelope
from identity.domain.model import User
from identity.service_layer.outgoing import envelope_for, user_activated
from marks.entrypoints.event_schemas import MarksheetSubmittedSchema as MarksSchema
from sampling.adapters.event_schemas import MarksheetSubmittedSchema as SamplingCopy
from sampling.domain.sample import Sample
from sampling.domain.selection import choose_sample
from sampling.domain.submitted import SubmittedCandidate, SubmittedMarksheet
from sampling.entrypoints.event_schemas import SampleGeneratedSchema
from sampling.service_layer.handlers import SOURCE

# (routing key, publisher schema, consumer schema), as "module:Class".
CONTRACTS = [
    ("identity.user_activated", "identity.entrypoints.event_schemas:UserActivatedSchema",
     "reports.adapters.event_schemas:UserActivatedSchema"),
    ("marks.marksheet_submitted", "marks.entrypoints.event_schemas:MarksheetSubmittedSchema",
     "sampling.adapters.event_schemas:MarksheetSubmittedSchema"),
    ("sampling.sample_generated", "sampling.entrypoints.event_schemas:SampleGeneratedSchema",
     "marks.adapters.sampling_event_schemas:SampleChangedSchema"),
    ("sampling.sample_extended", "sampling.entrypoints.event_schemas:SampleChangedSchema",
     "marks.adapters.sampling_event_schemas:SampleChangedSchema"),
    ("marks.marksheet_submitted", "marks.entrypoints.event_schemas:MarksheetSubmittedSchema",
     "evidence.adapters.event_schemas:MarksheetSubmittedSchema"),
    ("sampling.sample_generated", "sampling.entrypoints.event_schemas:SampleGeneratedSchema",
     "evidence.adapters.event_schemas:SampleChangedSchema"),
    ("sampling.sample_extended", "sampling.entrypoints.event_schemas:SampleChangedSchema",
     "evidence.adapters.event_schemas:SampleChangedSchema"),
    ("moderation.moderator_allocated", "moderation.entrypoints.event_schemas:ModeratorAllocatedSchema",
     "evidence.adapters.event_schemas:ModeratorAllocatedSchema"),
    ("marks.marksheet_submitted", "marks.entrypoints.event_schemas:MarksheetSubmittedSchema",
     "moderation.adapters.event_schemas:MarksheetSubmittedSchema"),
    ("sampling.sample_generated", "sampling.entrypoints.event_schemas:SampleGeneratedSchema",
     "moderation.adapters.event_schemas:SampleChangedSchema"),
    ("sampling.sample_extended", "sampling.entrypoints.event_schemas:SampleChangedSchema",
     "moderation.adapters.event_schemas:SampleChangedSchema"),
    ("sampling.sample_reduced", "sampling.entrypoints.event_schemas:SampleChangedSchema",
     "moderation.adapters.event_schemas:SampleChangedSchema"),
    ("moderation.further_samples_requested", "moderation.entrypoints.event_schemas:FurtherSamplesRequestedSchema",
     "sampling.adapters.event_schemas:FurtherSamplesRequestedSchema"),
]


def load(path: str):
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)()


def shape(schema) -> dict:
    return {name: (type(field).__name__, field.required,
                   type(field.inner).__name__ if isinstance(field, fields.List) else None)
            for name, field in schema.fields.items()}


@pytest.mark.parametrize("routing_key,publisher,consumer", CONTRACTS)
def test_the_consumer_reads_every_field_the_publisher_sends_with_the_same_type(routing_key, publisher, consumer):
    published, read = shape(load(publisher)), shape(load(consumer))
    missing = {name for name, (_, required, _) in read.items() if required and name not in published}
    assert not missing, f"{routing_key}: the consumer requires fields the publisher never sends: {missing}"
    for name in read.keys() & published.keys():
        assert read[name][0] == published[name][0] and read[name][2] == published[name][2], name


def test_a_user_activated_envelope_from_identity_loads_in_the_reports_copy():
    user = User(id=str(uuid.uuid4()), first_name="Tomos", last_name="Jones", email="t@demo-centre.example",
                account_type="user", centre_number=68101, permissions=["iamis"])
    envelope = envelope_for(user_activated(user, datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)))
    data = load(CONTRACTS[0][2]).load(envelope.data)
    assert envelope.type == "identity.user_activated" and envelope.source == "identity"
    assert data["name"] == "Tomos Jones" and data["centres"] == ["68101"]
    assert data["activated_at"] == datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("routing_key,publisher,consumer", CONTRACTS)
def test_the_consumer_reads_the_nested_lists_as_the_publisher_sends_them(routing_key, publisher, consumer):
    published, read = load(publisher), load(consumer)
    for name, field in read.fields.items():
        inner = getattr(field, "inner", None)
        if isinstance(inner, fields.Nested) and name in published.fields:
            sent, wanted = shape(published.fields[name].inner.schema), shape(inner.schema)
            missing = {n for n, (_, required, _) in wanted.items() if required and n not in sent}
            assert not missing, f"{routing_key}.{name}: the consumer requires {missing}"
            assert all(wanted[n][0] == sent[n][0] for n in wanted.keys() & sent.keys()), f"{routing_key}.{name}"


def test_a_sample_chosen_by_sampling_loads_in_the_marks_copy():
    submitted = MarksSchema().dump({
        "submission_id": "s-1", "unit_id": 7, "unit_code": "3700U1", "unit_title": "ORACY", "series": "GCSE 2025",
        "centre": "68101", "kind": "marks", "tasks": [{"name": "Task 1", "max": 40}], "grades": [],
        "submitted_at": datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc),
        "submitted_by": {"user_id": "t-1", "name": "Tomos Jones"},
        "candidates": [{"candidate_number": "1054", "surname": "Jones", "forename": "Carys",
                        "task_marks": {"Task 1": 30}, "total": 30, "status": "marked", "outcome": None,
                        "initials": "AB"}]})
    read = SamplingCopy().load(submitted)
    assert read["candidates"] == [{"candidate_number": "1054", "total": 30, "status": "marked", "outcome": None,
                                   "initials": "AB", "surname": "Jones", "forename": "Carys"}]
    sheet = SubmittedMarksheet("s-1", 7, "3700U1", "68101", "marks", (),
                               tuple(SubmittedCandidate(**c) for c in read["candidates"]))
    now = datetime(2026, 11, 26, 9, 1, tzinfo=timezone.utc)
    sample = Sample.generated("smp-1", sheet, choose_sample(sheet), now)
    envelope = new_envelope("sampling.sample_generated", SOURCE, {**sample.as_event(), "generated_at": now.isoformat()},
                            SampleGeneratedSchema())
    data = load(CONTRACTS[2][2]).load(envelope.data)
    assert data == {"sample_id": "smp-1", "unit_id": 7, "centre": "68101", "version": 1,
                    "candidates": [{"candidate_number": "1054", "reason": "highest"}]}


def test_a_submission_from_marks_loads_in_the_evidence_copy_with_the_unit_evidence_settings():
    from datetime import date

    from marks.domain.events import MarksheetSubmitted, SubmittedCandidate as MarksCandidate
    from marks.service_layer.outgoing import marksheet_submitted

    envelope = marksheet_submitted(MarksheetSubmitted(
        "s-1", 7, "9791/01", "ENGINEERING DESIGN", "VOCATIONAL LEVEL 1/2 JUNE 2025", "68101", "outcomes", (),
        ("Pass",), datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc), "t-1", "Tomos Jones",
        (MarksCandidate("0001", "Jones", "Carys", (), None, "marked", "Pass", None),),
        evidence_upload=True, group_upload=True, deadline=date(2027, 5, 15)))
    data = load("evidence.adapters.event_schemas:MarksheetSubmittedSchema").load(envelope.data)
    assert (data["evidence_upload"], data["group_upload"], data["deadline"]) == (True, True, date(2027, 5, 15))
    assert data["candidates"] == [{"candidate_number": "0001", "surname": "Jones", "forename": "Carys"}]


def test_a_submission_from_marks_loads_in_the_moderation_copy_with_what_the_moderator_chooses_by():
    from datetime import date

    from marks.domain.events import MarksheetSubmitted, SubmittedCandidate as MarksCandidate
    from marks.service_layer.outgoing import marksheet_submitted

    envelope = marksheet_submitted(MarksheetSubmitted(
        "s-1", 7, "3653U1", "ART & DESIGN TEXTILE DESIGN", "GCSE JUNE 2027", "68101", "marks", (), (),
        datetime(2027, 5, 1, 9, 0, tzinfo=timezone.utc), "t-1", "Tomos Jones",
        (MarksCandidate("0001", "Jones", "Carys", (("Mark", 60),), 60, "marked", None, "AB"),
         MarksCandidate("0002", "Evans", "Dewi", (), None, "absent", None, None)),
        evidence_upload=True, group_upload=False, deadline=date(2027, 6, 15)))
    data = load("moderation.adapters.event_schemas:MarksheetSubmittedSchema").load(envelope.data)
    assert (data["unit_title"], data["series"], data["kind"]) == ("ART & DESIGN TEXTILE DESIGN", "GCSE JUNE 2027",
                                                                  "marks")
    assert data["candidates"] == [
        {"candidate_number": "0001", "surname": "Jones", "forename": "Carys", "status": "marked", "total": 60,
         "outcome": None, "initials": "AB"},
        {"candidate_number": "0002", "surname": "Evans", "forename": "Dewi", "status": "absent", "total": None,
         "outcome": None, "initials": None}]


def test_a_further_samples_request_from_moderation_loads_in_the_sampling_copy():
    from moderation.domain.further_samples import FurtherSamplesRequested
    from moderation.service_layer.outgoing import further_samples_requested

    at = datetime(2027, 5, 20, 10, 0, tzinfo=timezone.utc)
    envelope = further_samples_requested(FurtherSamplesRequested("r-1", "68101", 7, "3653U1", ("0004", "0010"), "m-1",
                                                                 "Mared Hughes", at))
    data = load("sampling.adapters.event_schemas:FurtherSamplesRequestedSchema").load(envelope.data)
    assert envelope.type == "moderation.further_samples_requested" and envelope.source == "moderation"
    assert data == {"request_id": "r-1", "centre": "68101", "unit_id": 7, "candidate_numbers": ["0004", "0010"],
                    "requested_by": {"user_id": "m-1", "name": "Mared Hughes"}, "requested_at": at}
