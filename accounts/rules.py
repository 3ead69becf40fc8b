"""Portal-wide role predicates. Per-intake roles (reviewer, mentor) live in their apps."""

import rules

from .models import PROGRAMME_STAFF_GROUP

is_programme_staff = rules.is_superuser | rules.is_group_member(PROGRAMME_STAFF_GROUP)

rules.add_perm("accounts.manage_portal", is_programme_staff)
