"""Every workspace model in the administration for support staff; each write audited."""

from django.contrib import admin

from core import models
from kernel.audit.admin import AuditedAdminMixin
from tenants.admin_areas import AreaAdminMixin


class AuditedAdmin(AreaAdminMixin, AuditedAdminMixin, admin.ModelAdmin):
    admin_area = "alliance"


class ContactInline(admin.TabularInline):
    model = models.ContactPerson
    extra = 0


@admin.register(models.Partner)
class PartnerAdmin(AuditedAdmin):
    list_display = ("name", "kind", "status", "city", "joined_on", "public_listing_consent")
    list_filter = ("status", "kind", "size_class", "public_listing_consent")
    search_fields = ("name", "city")
    filter_horizontal = ("measures",)
    inlines = [ContactInline]


@admin.register(models.Application)
class ApplicationAdmin(AuditedAdmin):
    list_display = ("organisation_name", "kind", "received_on", "status")
    list_filter = ("status", "kind")
    search_fields = ("organisation_name", "contact_name")


class AgendaInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0


@admin.register(models.BoardMeeting)
class BoardMeetingAdmin(AuditedAdmin):
    list_display = ("title", "date", "status", "minutes_status")
    list_filter = ("status", "minutes_status")
    inlines = [AgendaInline]


@admin.register(models.Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ("title", "topic", "status", "start_date", "end_date", "families_reached")
    list_filter = ("topic", "status")
    search_fields = ("title",)
    filter_horizontal = ("partners",)


@admin.register(models.SealApplication)
class SealApplicationAdmin(AuditedAdmin):
    list_display = ("partner", "submitted_on", "status", "awarded_on", "valid_until")
    list_filter = ("status",)


@admin.register(models.HolidayOffer)
class HolidayOfferAdmin(AuditedAdmin):
    list_display = ("title", "start_date", "end_date", "age_min", "age_max", "price")
    list_filter = ("is_published",)
    search_fields = ("title", "organiser")


@admin.register(models.FundingEntry)
class FundingEntryAdmin(AuditedAdmin):
    list_display = ("received_on", "kind", "amount", "partner", "donor")
    list_filter = ("kind",)


for model in (
    models.Measure,
    models.ContactPerson,
    models.Decision,
    models.BoardMember,
    models.MeetingTemplate,
    models.MeetingAttachment,
    models.WorkingGroup,
    models.Event,
    models.SealCriterion,
    models.SealCheck,
    models.GuideEntry,
):
    admin.site.register(model, AuditedAdmin)
