"""Bodies of the marks API for reading (the OpenAPI document comes from them): units, marksheets."""
from marshmallow import EXCLUDE, Schema, fields
from marshmallow.validate import Length, OneOf, Range

from ..domain.marksheet_query import ROWS, SHOWS, SORTS

DATE = {"format": "date"}


class SeriesRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()


class TaskSchema(Schema):
    name = fields.String(required=True, validate=Length(min=1, max=40))
    max = fields.Integer(required=True, validate=Range(min=1, max=9999))


class UnitSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    title = fields.String()
    full_title = fields.String(metadata={"example": "GCSE NOVEMBER 2025 ENGLISH LANGUAGE UNIT 1 ORACY (3700U1)"})
    series = fields.Nested(SeriesRefSchema)
    kind = fields.String(metadata={"enum": ["marks", "outcomes"]})
    tasks = fields.List(fields.Nested(TaskSchema))
    total_max = fields.Integer(allow_none=True)
    grades = fields.List(fields.String())
    initials_required = fields.Boolean()
    carry_forward_allowed = fields.Boolean()
    evidence_upload = fields.Boolean()
    group_upload = fields.Boolean()
    deadline = fields.String(metadata=DATE)


class CountsSchema(Schema):
    entries = fields.Integer()
    done = fields.Integer()
    left = fields.Integer()


class UnitSummarySchema(Schema):
    id = fields.Integer()
    code = fields.String()
    title = fields.String()
    full_title = fields.String()
    kind = fields.String()
    deadline = fields.String(metadata=DATE)
    entries = fields.Integer()
    done = fields.Integer()
    left = fields.Integer()
    submitted = fields.Boolean()
    submitted_count = fields.Integer()
    can_submit = fields.Boolean()
    evidence_upload = fields.Boolean()


class SeriesBoxSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    units = fields.List(fields.Nested(UnitSummarySchema))


class CentreUnitsSchema(Schema):
    centre = fields.String()
    series = fields.List(fields.Nested(SeriesBoxSchema))


class RowSchema(Schema):
    candidate_number = fields.String()
    surname = fields.String()
    forename = fields.String()
    name = fields.String(metadata={"example": "JONES: CARYS"})
    date_of_birth = fields.String(metadata=DATE)
    late_entry = fields.Boolean()
    task_marks = fields.Dict(keys=fields.String(), values=fields.Integer(allow_none=True))
    status = fields.String(metadata={"enum": ["unmarked", "marked", "absent", "carry_forward"]})
    outcome = fields.String(allow_none=True)
    total = fields.Integer(allow_none=True)
    initials = fields.String(allow_none=True)
    complete = fields.Boolean()
    sample = fields.Boolean()
    values = fields.Dict(keys=fields.String(), values=fields.String(),
                         metadata={"description": 'Each field as the page shows it: "A", "CF", "" when empty'})


class MarksheetQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    search = fields.String(load_default="", validate=Length(max=100))
    sort = fields.String(load_default="candidate",
                         validate=OneOf(SORTS, error="Sort by one of: candidate, name, mark."))
    show = fields.String(load_default="all",
                         validate=OneOf(SHOWS, error="Show one of: all, unmarked, marked, samples."))
    rows = fields.String(load_default="20",
                         validate=OneOf(ROWS, error="Rows must be one of: 10, 20, 50, 100, all."))
    page = fields.Integer(load_default=1, validate=Range(min=1, error="The page must be 1 or more."))


class MarksheetSchema(Schema):
    unit = fields.Nested(UnitSchema)
    submitted = fields.Boolean()
    submitted_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    rows = fields.List(fields.Nested(RowSchema))
    page = fields.Integer()
    pages = fields.Integer()
    total_rows = fields.Integer()
    counts = fields.Nested(CountsSchema)
