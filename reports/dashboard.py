from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, register_nav

register_nav(NavItem(_("Reports"), "reports:mine", is_programme_staff, order=70))
