from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kernel.mail.models import OutboxAttempt, OutboxEmail, OutboxStatus
from kernel.mail.services import outbox_retry
from tenants.admin_areas import AreaAdminMixin


class OutboxAttemptInline(admin.TabularInline):
    """Each delivery attempt with its time and error, as recorded before sending."""

    model = OutboxAttempt
    fields = ("number", "started_at", "finished_at", "outcome", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(OutboxEmail)
class OutboxEmailAdmin(AreaAdminMixin, admin.ModelAdmin):
    """Support staff see what was sent, what waits and what failed, and can send again.

    The text is not shown: it may hold a password-reset link.
    """

    list_display = ("created_at", "subject", "recipients", "status", "attempts", "sent_at")
    list_filter = ("status",)
    search_fields = ("subject",)
    date_hierarchy = "created_at"
    fields = (
        "status", "subject", "to", "message_id", "schema_name", "queued_by", "attempts",
        "last_error", "next_attempt_at", "dispatched_at", "sent_at", "created_at", "updated_at",
    )  # fmt: skip
    readonly_fields = fields
    inlines = [OutboxAttemptInline]
    actions = ["send_again"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj: OutboxEmail) -> str:
        return ", ".join(obj.to)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = 0
        for email in queryset.exclude(status=OutboxStatus.SENT):
            outbox_retry(actor=request.user, email=email)
            count += 1
        self.message_user(
            request, gettext("E-mails queued again: %(count)d") % {"count": count}, messages.SUCCESS
        )
