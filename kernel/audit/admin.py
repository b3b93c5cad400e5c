from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kernel.audit.models import AuditEntry
from kernel.audit.presenter import sentence
from kernel.audit.services import audit_log, changes_between, snapshot


def _audit(request, obj, verb: str, changes: dict) -> None:
    audit_log(
        actor=request.user,
        action=f"{obj._meta.label_lower}.{verb}",
        target=obj,
        changes=changes,
    )


class AuditedAdminMixin:
    """Records every save and delete made in the administration, with what changed."""

    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
        super().save_model(request, obj, form, change)
        changes = changes_between(before, snapshot(obj))
        if change and not changes:
            return
        _audit(request, obj, "updated" if change else "created", changes)

    def delete_model(self, request, obj):
        _audit(request, obj, "deleted", snapshot(obj))
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows are writes too: record each added, changed and deleted one.
        befores = (
            {obj.pk: snapshot(obj) for obj in formset.get_queryset() if obj.pk is not None}
            if hasattr(formset, "get_queryset")
            else {}
        )
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            _audit(request, obj, "deleted", befores.get(obj.pk, snapshot(obj)))
            obj.delete()
        for obj in instances:
            is_new = obj.pk is None or obj.pk not in befores
            obj.save()
            changes = changes_between(befores.get(obj.pk, {}), snapshot(obj))
            if changes:
                _audit(request, obj, "created" if is_new else "updated", changes)
        formset.save_m2m()

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_label", "what_happened", "action", "object_repr")
    list_filter = ("action",)
    search_fields = ("action", "object_repr", "actor_label")
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    @admin.display(description=_("What happened"))
    def what_happened(self, obj):
        return sentence(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
