"""The anchor for the mark-save benchmark: a bare Flask + SQLAlchemy endpoint doing one UPDATE and one INSERT.

`gunicorn 'anchor_app:create_app()'` with ANCHOR_DATABASE_URL; nginx proxies /anchor/ to it.
"""
import os
from datetime import datetime, timezone

from flask import Flask, jsonify, request
from sqlalchemy import Column, DateTime, Integer, MetaData, Table, create_engine, insert, update

metadata = MetaData()
marks = Table("anchor_marks", metadata, Column("id", Integer, primary_key=True), Column("value", Integer),
              Column("updated_at", DateTime(timezone=True)))
audit = Table("anchor_audit", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
              Column("mark_id", Integer), Column("value", Integer), Column("at", DateTime(timezone=True)))


def prepare(url: str, rows: int) -> None:
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(marks), [{"id": n, "value": 0} for n in range(1, rows + 1)])
    engine.dispose()


def create_app() -> Flask:
    app = Flask(__name__)
    engine = create_engine(os.environ["ANCHOR_DATABASE_URL"], pool_size=5)

    @app.patch("/anchor/marks/<int:mark_id>")
    def save(mark_id: int):
        value = int(request.get_json()["value"])
        now = datetime.now(timezone.utc)
        with engine.begin() as conn:
            conn.execute(update(marks).where(marks.c.id == mark_id).values(value=value, updated_at=now))
            conn.execute(insert(audit).values(mark_id=mark_id, value=value, at=now))
        return jsonify(id=mark_id, value=value)

    return app
