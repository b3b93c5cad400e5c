"""The texts of a workshop's topic and registration pages, the same for an alliance's
workshop and the state's (mixed into each room's ``ObjectPages`` declarations)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy


class TopicTexts:
    create_title = gettext_lazy("New topic for %(title)s")
    edit_title = gettext_lazy("Edit topic")
    delete_title = gettext_lazy("Delete topic")
    delete_question = gettext_lazy("Delete the topic %(title)s with its seats?")
    deleted_message = gettext_lazy("The topic has been deleted.")


class RegistrationTexts:
    create_title = gettext_lazy("New registration for %(title)s")
    edit_title = gettext_lazy("Edit registration")
    delete_title = gettext_lazy("Delete registration")
    delete_question = gettext_lazy(
        "Delete the registration of %(name)s for good? To keep it on record, cancel it instead."
    )
    deleted_message = gettext_lazy("The registration has been deleted.")

    class Edit:
        def get_form_kwargs(self):
            return {"workshop": self.parent}
