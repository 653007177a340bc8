"""Bodies of the board side of the marks API: series, units, entries."""
from marshmallow import EXCLUDE, Schema, fields
from marshmallow.validate import Length, OneOf

from .schemas import DATE, TaskSchema


class NewSeriesSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    name = fields.String(required=True, validate=Length(min=1, max=100), metadata={"example": "GCSE NOVEMBER 2025"})
    results_day = fields.Date(required=True)


class SeriesSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    results_day = fields.String(metadata=DATE)


class NewUnitSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    code = fields.String(required=True, validate=Length(min=1, max=20), metadata={"example": "3700U1"})
    title = fields.String(required=True, validate=Length(min=1, max=200))
    kind = fields.String(required=True, validate=OneOf(("marks", "outcomes")))
    tasks = fields.List(fields.Nested(TaskSchema), load_default=list, validate=Length(max=20))
    grades = fields.List(fields.String(validate=Length(min=1, max=60)), load_default=list, validate=Length(max=20))
    initials_required = fields.Boolean(load_default=False)
    carry_forward_allowed = fields.Boolean(load_default=False)
    evidence_upload = fields.Boolean(load_default=False)
    group_upload = fields.Boolean(load_default=False)
    deadline = fields.Date(required=True)


class EntriesJsonSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    entries = fields.List(fields.Raw(), required=True, validate=Length(max=20_000), metadata={
        "description": "[{centre, candidate_number, surname, forename, date_of_birth}]; each checked like a CSV row"})


class EntriesLoadedSchema(Schema):
    added = fields.Integer()
    late = fields.Integer()
    centres = fields.List(fields.String())


class CentreOverviewSchema(Schema):
    centre = fields.String()
    entries = fields.Integer()
    done = fields.Integer()
    submitted = fields.Boolean()
