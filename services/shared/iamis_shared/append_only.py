"""An append-only table (the audit logs): the database itself refuses to change or remove a row.

Used by the services' migrations, so the rule stands whatever code talks to the database.
"""
POSTGRES = [
    """CREATE FUNCTION {table}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '{table} is append-only: % is not allowed', TG_OP
           USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
       FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change()""",
    """CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
       FOR EACH STATEMENT EXECUTE FUNCTION {table}_refuse_change()""",
]
SQLITE = [
    """CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
       BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE is not allowed'); END""",
    """CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
       BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE is not allowed'); END""",
]


def make_append_only(op, table: str) -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"postgresql": POSTGRES, "sqlite": SQLITE}.get(dialect, []):
        op.execute(statement.format(table=table))


def drop_append_only(op, table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_refuse_change()")
