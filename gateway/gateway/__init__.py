"""IAMIS gateway: the server-rendered pages, the browser session and nginx's session check."""
import secrets

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from iamis_shared.metrics import install_metrics
from iamis_shared.tokens import TokenIssuer

from .auth import current_location
from .evidence_pages import install_evidence_pages
from .i18n import install_i18n
from .identity_client import IdentityClient
from .marks_pages import install_marks_pages
from .security import install_security_headers
from .session_cache import SessionCache
from .settings import gateway_settings, token_private_key
from .views import (audit, board_allocations, centre_user_actions, centre_users, edge, errors, health, iamis,
                    invitation, moderator_evidence, portal, sign_in, sign_in_code, sign_out)

csrf = CSRFProtect()


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.config.update(gateway_settings())
    app.config.update(test_config or {})
    if not app.config.get("SECRET_KEY") and app.config.get("TESTING"):
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("The gateway needs a secret key: set SECRET_KEY or GATEWAY_SECRET_KEY_FILE "
                           "(make run writes one to var/keys/gateway_secret).")
    # nginx is the one proxy in front: trust its X-Forwarded-* so URLs and the cookie's Secure flag fit.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    issuer = TokenIssuer(token_private_key(app.config), issuer=app.config["TOKEN_ISSUER"])
    app.extensions["iamis_token_issuer"] = issuer
    app.extensions["iamis_identity"] = IdentityClient(
        app.config["IDENTITY_URL"], issuer, http=app.config.get("IDENTITY_HTTP"),
        timeout=app.config["IDENTITY_TIMEOUT_SECONDS"])
    app.extensions["iamis_session_cache"] = SessionCache(app.config["AUTH_CACHE_SECONDS"])

    csrf.init_app(app)
    csrf.exempt(edge.authorise)  # checks the X-CSRFToken of the call it guards, answering 403 itself
    install_i18n(app)
    for module in (sign_in, sign_in_code, sign_out, portal, iamis, edge, health, centre_users, centre_user_actions,
                   invitation, audit):
        app.register_blueprint(module.blueprint)
    install_marks_pages(app, issuer)
    install_evidence_pages(app, issuer)
    moderator_evidence.install(app, issuer)
    board_allocations.install(app, issuer)
    errors.register_error_pages(app)
    install_security_headers(app)
    install_metrics(app, "gateway")
    app.jinja_env.globals["current_location"] = current_location
    return app
