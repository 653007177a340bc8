"""Statements PostgreSQL plans once per connection (PREPARE) and then only executes (EXECUTE).

Planning the save's joined read took longer than running it, on the hottest path of the product. Each
pooled connection prepares a statement the first time it runs it; a prepared statement outlives a
rolled-back transaction and goes with its connection. Other databases run the statement as it is.
"""
import re

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")  # the psycopg2 dialect's named placeholders


class Prepared:
    def __init__(self, name: str, statement):
        self.name, self.statement = name, statement
        self._forms: dict = {}

    def execute(self, session: Session, params: dict):
        connection = session.connection()
        if connection.dialect.name != "postgresql":
            return connection.execute(self.statement, params)
        prepare, execute, defaults = self._forms.get(type(connection.dialect)) or self._compile(connection.dialect)
        prepared = connection.info.setdefault("prepared_statements", set())
        if self.name not in prepared:
            connection.exec_driver_sql(prepare)
            prepared.add(self.name)
        return connection.execute(execute, {**defaults, **params})

    def _compile(self, dialect) -> tuple:
        compiled = self.statement.compile(dialect=dialect)
        sql, binds = str(compiled), compiled.binds
        names = list(dict.fromkeys(_PLACEHOLDER.findall(sql)))
        # PREPARE runs without parameters, so the driver's escaped %% is a plain % again.
        numbered = _PLACEHOLDER.sub(lambda m: f"${names.index(m.group(1)) + 1}", sql).replace("%%", "%")
        execute = text(f"EXECUTE {self.name}({', '.join(':' + n for n in names)})").bindparams(
            *[bindparam(n, type_=binds[n].type) for n in names])
        columns = getattr(self.statement, "selected_columns", None)
        if columns:  # typed as the statement's own columns, so values come out as they would from it
            execute = execute.columns(*columns)
        defaults = {n: binds[n].value for n in names if binds[n].value is not None}  # literals such as + 1
        self._forms[type(dialect)] = (f"PREPARE {self.name} AS {numbered}", execute, defaults)
        return self._forms[type(dialect)]
