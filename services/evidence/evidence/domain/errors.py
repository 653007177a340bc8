"""What the evidence domain refuses; each docstring is the message a person sees (the gateway translates
by code, so the codes in entrypoints/errors.py stay stable)."""
from iamis_shared.errors import DomainError


class UnitNotFound(DomainError):
    """This subject/paper has no submitted marksheet at your centre."""


class UploadNotFound(DomainError):
    """This upload has finished, was cancelled or does not exist. Choose the file again to upload it."""


class FileNotFound(DomainError):
    """This file has been deleted or does not exist."""


class NotSubmitted(DomainError):
    """Centres are reminded not to upload any files until marks/outcomes are submitted and samples generated."""


class NotAnUploadUnit(DomainError):
    """This subject/paper does not take evidence uploads through IAMIS."""


class NotInSample(DomainError):
    """This candidate is not in the sample: upload work only for the candidates in the sample."""


class WorkMissing(DomainError):
    """This candidate's work is marked as missing or incomplete: upload the work of the substitute instead."""


class NotGroupUpload(DomainError):
    """This subject/paper has no Grouped/Admin Upload Function: upload the work against each candidate."""


class FileTooLarge(DomainError):
    """Each file has a maximum of 1GB. Place the work in a compressed (zipped) folder or split it into files."""


class FilenameRequired(DomainError):
    """The file has no name. Save it with a name and upload it again."""


class DeadlinePassed(DomainError):
    """Files can be deleted only up to the deadline for submission of samples to the moderator."""


class BadPartNumber(DomainError):
    """This part number does not belong to the file being uploaded."""


class ChecksumMismatch(DomainError):
    """The file arrived changed on the way and was not stored. Upload it again."""


class SizeMismatch(DomainError):
    """The file stored is not the size of the file chosen, so it was not kept. Upload it again."""


class PartsMissing(DomainError):
    """Some parts of the file have not arrived yet. Choose the same file again to finish the upload."""


class PermissionMissing(DomainError):
    """Your account does not have the IAMIS permission. Ask your Examinations Officer to give it to you."""


class ReadOnly(DomainError):
    """You can see and download the evidence but not upload, delete or change it."""


class NoteTooLong(DomainError):
    """The note to the moderator can be up to 5,000 characters. Shorten it and save again."""


class StorageUnavailable(DomainError):
    """File storage is not available at the moment. Try again in a few minutes."""


class ValidationFailed(DomainError):
    """Some of the values sent are not valid."""
