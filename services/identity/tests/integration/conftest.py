"""Identity on a real PostgreSQL database, migrated as in production, driven through the Flask client."""
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import identity
from iamis_shared.migrations import upgrade
from iamis_shared.web import session_factory
from identity import create_app
from identity.domain.model import INVITED, Centre, User
from identity.service_layer.unit_of_work import IdentityUnitOfWork

MIGRATIONS = Path(identity.__file__).parent / "migrations"
PASSWORD = "Correct-Horse-42"


@pytest.fixture(scope="session")
def password_hash():
    """Hashed once with the production settings, so sign-in does not need to re-hash it."""
    return PasswordHasher().hash(PASSWORD)


@pytest.fixture
def database(postgres_url):
    upgrade(MIGRATIONS, postgres_url)
    return postgres_url


@pytest.fixture
def make_app(database, token_keys):
    """A new app on the same database: each is what one gunicorn worker would be."""
    def make(**config):
        return create_app({"DATABASE_URL": database, "TOKEN_PUBLIC_KEY": token_keys[1], **config})
    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def gateway(issue_token):
    """Headers the gateway sends: its service token and the browser's address and agent."""
    token = issue_token("identity", sub="gateway", kind="service")
    return {"Authorization": f"Bearer {token}", "X-Forwarded-For": "203.0.113.9", "User-Agent": "Firefox/140"}


@pytest.fixture
def add_user(app, password_hash):
    def add(email="teacher@demo-centre.example", account_type="user", centre_number=68101,
            permissions=("iamis",), mfa_secret=None, status=INVITED, first_name="Tomos", last_name="Jones"):
        with app.app_context(), IdentityUnitOfWork(session_factory()) as uow:
            if centre_number is not None and uow.centres.get(centre_number) is None:
                uow.centres.add(Centre(number=centre_number, name=f"Centre {centre_number}"))
            user = User(id=str(uuid.uuid4()), first_name=first_name, last_name=last_name, email=email,
                        account_type=account_type, centre_number=centre_number, permissions=list(permissions),
                        status=status, password_hash=password_hash, mfa_secret=mfa_secret,
                        created_at=datetime.now(timezone.utc))
            uow.users.add(user)
            uow.commit()
            return user
    return add


@pytest.fixture
def manager(add_user, issue_token):
    """manager(account_type, centre) -> (user, headers): an active Exams Officer or Admin and their user token."""
    def make(account_type="exams_officer", centre_number=68101, email=None):
        user = add_user(email=email or f"{account_type}.{centre_number}@centre.example", account_type=account_type,
                        centre_number=centre_number, status="active", first_name="Eleri", last_name="Evans")
        token = issue_token("identity", sub=user.id, account_type=account_type, centres=[f"{centre_number:05d}"],
                            name=user.full_name, email=user.email)
        return user, {"Authorization": f"Bearer {token}", "X-Forwarded-For": "198.51.100.7",
                      "User-Agent": "Firefox/140"}
    return make


@pytest.fixture
def deliver_mail(app, mail_catcher):
    """Run the worker's email delivery once, towards the test's mail catcher; returns how many went."""
    from identity.adapters.mail_queue import MailQueue
    from identity.adapters.smtp_mailer import SmtpMailer, SmtpSettings
    from identity.entrypoints.background import MailDelivery

    delivery = MailDelivery(MailQueue(app.extensions["iamis_engine"]),
                            SmtpMailer(SmtpSettings(port=mail_catcher.smtp_port)))
    return delivery.run_once
