"""The board staff's forms: a series, a unit with its tasks or grades, a file of entries."""
import re
from datetime import datetime

from flask_babel import gettext, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Regexp, ValidationError

MAX_TASK_MARK = 1000


def _stripped(value):
    return " ".join(value.split()) if isinstance(value, str) else value


def iso_date(text: str) -> str | None:
    """DD/MM/YYYY (as people write it) or YYYY-MM-DD, as YYYY-MM-DD; None when it is not a real date."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text or "", pattern).date().isoformat()
        except ValueError:
            continue
    return None


class RealDate:
    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if field.data and iso_date(field.data) is None:
            raise ValidationError(str(self.message))


class SeriesForm(FlaskForm):
    name = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the name of the series, like GCSE NOVEMBER 2025")),
        Length(max=100, message=_l("Enter a series name of 100 characters or fewer"))])
    results_day = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the results day")),
        RealDate(_l("Enter the results day as a real date, like 21/08/2025"))])


class UnitForm(FlaskForm):
    code = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the unit code, like 3700U1")),
        Regexp(r"^[A-Za-z0-9/]{2,12}$", message=_l("Enter a unit code of 2 to 12 letters, digits or /, "
                                                   "like 3700U1 or 9611/L3"))])
    title = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the unit title, like ENGLISH LANGUAGE UNIT 1 ORACY")),
        Length(max=200, message=_l("Enter a unit title of 200 characters or fewer"))])
    kind = StringField(validators=[AnyOf(("marks", "outcomes"),
                                         message=_l("Choose whether the unit has marks or outcomes"))])
    tasks = TextAreaField()
    grades = StringField(filters=[_stripped])
    initials_required = BooleanField()
    carry_forward_allowed = BooleanField()
    evidence_upload = BooleanField()
    group_upload = BooleanField()
    deadline = StringField(filters=[_stripped], validators=[
        DataRequired(message=_l("Enter the deadline for marks and samples")),
        RealDate(_l("Enter the deadline as a real date, like 05/11/2025"))])

    def validate_tasks(self, field):
        if self.kind.data != "marks":
            return
        self.parsed_tasks = []
        lines = [line.strip() for line in (field.data or "").splitlines() if line.strip()]
        if not lines:
            raise ValidationError(gettext("Enter at least one task, like Task 1, 40"))
        for number, line in enumerate(lines, start=1):
            found = re.fullmatch(r"(.{1,40}?)\s*,\s*([0-9]{1,4})", line)
            if not found or not 1 <= int(found.group(2)) <= MAX_TASK_MARK:
                raise ValidationError(gettext("Line %(line)s of the tasks: enter a task name and its maximum "
                                          "from 1 to 1000, like Task 1, 40", line=number))
            self.parsed_tasks.append({"name": found.group(1).strip(), "max": int(found.group(2))})
        names = [task["name"].casefold() for task in self.parsed_tasks]
        if len(set(names)) != len(names):
            raise ValidationError(gettext("Give each task a different name"))

    def validate_grades(self, field):
        if self.kind.data != "outcomes":
            return
        self.parsed_grades = [grade.strip() for grade in (field.data or "").split(",") if grade.strip()]
        if len(self.parsed_grades) < 2:
            raise ValidationError(gettext("Enter at least 2 grades, separated by commas, like Pass, Merit, "
                                          "Distinction"))
        if len({grade.casefold() for grade in self.parsed_grades} | {"absent"}) != len(self.parsed_grades) + 1:
            raise ValidationError(gettext("Give each grade a different name, and do not include Absent: "
                                          "every unit has it"))

    def validate_carry_forward_allowed(self, field):
        if field.data and self.kind.data == "outcomes":
            raise ValidationError(gettext("Carry forward is only for units with marks"))

    def validate_group_upload(self, field):
        if field.data and not self.evidence_upload.data:
            raise ValidationError(gettext("A group upload needs evidence to be uploaded: tick both"))

    def unit(self) -> dict:
        """The unit as the marks API takes it."""
        return {"code": self.code.data.upper(), "title": self.title.data, "kind": self.kind.data,
                "tasks": getattr(self, "parsed_tasks", []) if self.kind.data == "marks" else [],
                "grades": getattr(self, "parsed_grades", []) if self.kind.data == "outcomes" else [],
                "initials_required": self.initials_required.data,
                "carry_forward_allowed": self.carry_forward_allowed.data,
                "evidence_upload": self.evidence_upload.data, "group_upload": self.group_upload.data,
                "deadline": iso_date(self.deadline.data)}


class EntriesForm(FlaskForm):
    file = FileField(validators=[FileRequired(message=_l("Choose a CSV file of entries"))])
