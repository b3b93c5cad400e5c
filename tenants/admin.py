from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django_tenants.admin import TenantAdminMixin

from kernel.audit.admin import AuditedAdminMixin
from tenants import admin_outbox  # noqa: F401  (registers the kernel's mail outbox)
from tenants.admin_areas import AreaAdminMixin
from tenants.districts import grouped_choices
from tenants.models import Alliance, Domain, Membership, User
from tenants.services.alliances import EDITABLE_FIELDS, alliance_create, alliance_update


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0


@admin.register(Alliance)
class AllianceAdmin(AreaAdminMixin, AuditedAdminMixin, TenantAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "state", "district", "status", "founded_on")
    list_filter = ("status", "state", "district")
    search_fields = ("name", "slug", "host_organisation")
    fields = (
        "name", "slug", "state", "district", "host_organisation", "founded_on", "status",
        "schema_name", "created_at", "updated_at",
    )  # fmt: skip
    readonly_fields = ("schema_name", "created_at", "updated_at")
    inlines = [DomainInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "district":
            # Germany's districts by state; the model says in German if one lies elsewhere.
            kwargs["widget"] = forms.Select(choices=[("", "---------"), *grouped_choices()])
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # An alliance is dissolved (status), never deleted: its schema holds its history.
        return False

    def get_inlines(self, request, obj):
        # A new alliance gets its primary domain from alliance_create().
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        # Through the services, so the schema, the domain and the audit entry are made too.
        if change:
            original = Alliance.objects.get(pk=obj.pk)
            changed = {f: form.cleaned_data[f] for f in form.changed_data if f in EDITABLE_FIELDS}
            alliance_update(actor=request.user, alliance=original, **changed)
        else:
            data = {f: form.cleaned_data[f] for f in (*EDITABLE_FIELDS, "slug")}
            created = alliance_create(actor=request.user, **data)
            obj.pk = created.pk
            obj.schema_name = created.schema_name

    def get_readonly_fields(self, request, obj=None):
        # The slug names the schema and the host: fixed once the schema exists.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "slug"] if obj is not None else fields


@admin.register(Domain)
class DomainAdmin(AreaAdminMixin, AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("domain", "tenant", "is_primary")
    search_fields = ("domain", "tenant__name")


@admin.register(Membership)
class MembershipAdmin(AreaAdminMixin, AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "role", "alliance")
    list_filter = ("role", "alliance")
    search_fields = ("user__email", "user__full_name")
    autocomplete_fields = ("user",)


@admin.register(User)
class UserAdmin(AreaAdminMixin, AuditedAdminMixin, DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "is_active", "is_staff", "last_login")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name",)}),
        (_("Access"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ("groups",)
