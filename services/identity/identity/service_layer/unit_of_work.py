from iamis_shared.unit_of_work import SqlAlchemyUnitOfWork

from ..adapters import orm
from ..adapters.audit_repository import AuditRepository
from ..adapters.invitation_repository import InvitationRepository, OutgoingEmailRepository
from ..adapters.session_repository import ChallengeRepository, SessionRepository
from ..adapters.user_repository import CentreRepository, UserRepository


class IdentityUnitOfWork(SqlAlchemyUnitOfWork):
    outbox = orm.outbox

    def _bind_repositories(self, session):
        self.centres = CentreRepository(session)
        self.users = UserRepository(session)
        self.challenges = ChallengeRepository(session)
        self.sessions = SessionRepository(session)
        self.audit = AuditRepository(session)
        self.invitations = InvitationRepository(session)
        self.emails = OutgoingEmailRepository(session)
