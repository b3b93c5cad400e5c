"""The e-mail outbox: every e-mail the platform sends, written with the change that
caused it and sent by a Celery worker (see ``kernel.mail.services``)."""
