"""Model choice fields whose submitted keys are checked against the key column before any query.

Django's ModelChoiceField and ModelMultipleChoiceField pass a posted key
straight into the query; a 20-digit number for an integer key then fails in
the database driver (SQLite: OverflowError) instead of being an invalid
choice. These fields turn every value the key's model field would refuse
(its to_python and its range validators, which follow the database) into
the field's ordinary "invalid choice" error.
"""

from django import forms
from django.core.exceptions import ValidationError


def is_storable_key(queryset, value, to_field_name=None):
    """Whether `value` can be the key (`to_field_name`, default the primary key) of a row of the queryset's model."""
    meta = queryset.model._meta
    field = meta.get_field(to_field_name) if to_field_name else meta.pk
    while field.remote_field is not None and getattr(field, "target_field", None) is not None:
        field = field.target_field  # a multi-table child's key is a link to its parent's id
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError, OverflowError):
        return False
    return True


class BoundedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if (
            value not in self.empty_values
            and not isinstance(value, self.queryset.model)
            and not is_storable_key(self.queryset, value, self.to_field_name)
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for key in value if isinstance(value, (list, tuple, set, frozenset)) else ():
            if not isinstance(key, self.queryset.model) and not is_storable_key(self.queryset, key, self.to_field_name):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)
