"""The one workflow pattern: every stateful model declares a table, one function moves it.

A model's workflow is an explicit table of `Transition`s (from which states, to which state,
who may trigger it as a rules predicate). `transition()` is the only place a status changes:
it locks the row, checks the table and the actor, runs the transition's side effects, saves,
records an `Activity` entry and queues notifications after commit.

Example (see docs/architecture.md for the full walk-through)::

    REVIEW_WORKFLOW = Workflow(
        name="review",
        transitions=[
            Transition(DRAFT, SUBMITTED, allowed=is_review_owner, verb=_("submitted the review")),
            Transition(SUBMITTED, DRAFT, allowed=is_programme_staff, verb=_("reopened the review"),
                       reason_required=True),
        ],
    )

    def review_submit(*, review, by):
        return transition(workflow=REVIEW_WORKFLOW, obj=review, to=SUBMITTED, by=by)

We evaluated django-fsm-2 (+ django-fsm-log): its transitions are decorated model methods, which
spreads the table over the model and puts workflow logic in models; it neither locks the row nor
queues notifications on commit, and its log has no reason or audience. This kit is ~150 lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Activity, Audience


class TransitionNotAllowed(ValidationError):
    """The table has no arrow from the current state to the requested one."""


class Forbidden(Exception):
    """A domain refusal: this user may not do this to this object. Views answer 404 (never 403).

    Services raise it (or a subclass) instead of deciding an HTTP status themselves.
    """


class TransitionForbidden(Forbidden):
    """The actor may not trigger this transition. Views answer 404 (never 403) for it."""


class ReasonRequired(ValidationError):
    """The transition needs a written reason and none was given."""


# A side effect run inside the transaction, after the checks and before the save:
# `effect(obj, by=user, reason=str, **extra)` may set further fields on `obj`; it returns the
# names of the fields it changed (saved together with the status).
Effect = Callable[..., Iterable[str] | None]
# A notification run after commit: `notify(activity)`; typically queues a Celery task with ids.
Notify = Callable[[Activity], Any]


@dataclass(frozen=True)
class Transition:
    source: str | tuple[str, ...]
    target: str
    allowed: rules.Predicate | Callable = rules.always_deny
    verb: str = ""
    audience: str = Audience.TEAM
    reason_required: bool = False
    # Whether the system (a Celery task or beat, `by=None`) may trigger it: expiries, job runs.
    system: bool = False
    effects: tuple[Effect, ...] = ()
    notify: tuple[Notify, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,) if isinstance(self.source, str) else tuple(self.source)


@dataclass
class Workflow:
    name: str
    transitions: list[Transition]
    state_field: str = "status"
    # Extra fields saved with every transition (e.g. "updated_at" for auto_now fields).
    always_save: tuple[str, ...] = ()
    _table: dict[tuple[str, str], Transition] = field(init=False, repr=False)

    def __post_init__(self):
        self._table = {}
        for t in self.transitions:
            for source in t.sources:
                key = (str(source), str(t.target))
                if key in self._table:
                    raise ValueError(f"{self.name}: two transitions {key}")
                self._table[key] = t

    def get(self, source: str, target: str) -> Transition | None:
        return self._table.get((str(source), str(target)))

    def targets(self, source: str) -> list[str]:
        return [target for (s, target) in self._table if s == str(source)]

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def can(self, user, obj, target: str) -> bool:
        """Whether `user` may move `obj` to `target` now (for templates and menus; reads no lock)."""
        t = self.get(self.state_of(obj), target)
        return t is not None and _permits(t, user, obj)

    def allowed_targets(self, user, obj) -> list[str]:
        return [target for target in self.targets(self.state_of(obj)) if self.can(user, obj, target)]


def transition(
    *,
    workflow: Workflow,
    obj,
    to: str,
    by,
    reason: str = "",
    audience: str | None = None,
    notify: bool = True,
    data: dict | None = None,
    **extra,
) -> Activity:
    """Move `obj` to state `to`: lock, check table and actor, apply effects, save, record, notify.

    `extra` is passed to the transition's effects (e.g. a decision's message to the team).
    `data` is stored on the activity entry (small JSON: ids, before/after figures).
    `by=None` is the system (a task, beat): allowed only on transitions marked `system=True`.
    Raises TransitionNotAllowed, TransitionForbidden or ReasonRequired; saves nothing then.
    """
    model = type(obj)
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=obj.pk)
        current = workflow.state_of(locked)
        t = workflow.get(current, to)
        if t is None:
            raise TransitionNotAllowed(
                _("This cannot go from “%(from)s” to “%(to)s”.")
                % {"from": _state_label(model, workflow, current), "to": _state_label(model, workflow, to)},
                code="transition_not_allowed",
            )
        if not (t.system if by is None else _permits(t, by, locked)):
            raise TransitionForbidden(f"{workflow.name}: {current} → {to}")
        reason = (reason or "").strip()
        if t.reason_required and not reason:
            raise ReasonRequired(_("Please give a reason."), code="reason_required")
        # Work on the caller's instance so it sees the new state, but from the locked row's state.
        setattr(obj, workflow.state_field, to)
        fields = {workflow.state_field, *workflow.always_save}
        for effect in t.effects:
            fields.update(effect(obj, by=by, reason=reason, source=current, **extra) or ())
        obj._change_reason = (reason or f"{current} → {to}")[:100]  # simple-history keeps 100 chars
        obj.save(update_fields=sorted(fields))
        activity = Activity.record(
            obj=obj,
            actor=by,
            verb=t.verb or to,
            from_state=current,
            to_state=to,
            reason=reason,
            audience=audience or t.audience,
            data=data or {},
        )
        if notify:
            for callback in t.notify:
                transaction.on_commit(lambda cb=callback: cb(activity))
    return activity


def _permits(t: Transition, user, obj) -> bool:
    allowed = t.allowed
    if not isinstance(allowed, rules.Predicate):
        allowed = rules.predicate(allowed)
    return bool(allowed.test(user, obj))


def _state_label(model, workflow: Workflow, value: str) -> str:
    try:
        choices = dict(model._meta.get_field(workflow.state_field).flatchoices)
    except Exception:  # noqa: BLE001 - a label is a nicety; fall back to the raw value
        return value
    return str(choices.get(value, value))
