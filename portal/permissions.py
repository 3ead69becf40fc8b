"""The one permission mechanism for views: rules permissions, refused as 404 (never 403).

    @permission_required_404("selection.manage_selection")
    def ranking(request, intake_pk): ...

    @permission_required_404("applications.view_application", fn=application_from_pk)
    def status(request, pk): ...

`fn(request, **kwargs)` fetches the object the permission is checked on (404 when it does not
exist); the view receives it as `request.permission_object` so it is loaded once. Anonymous
users get the same 404 as anyone else who may not see the page: ids reveal nothing.
Services never decide HTTP status: they raise `portal.workflow.Forbidden` (and ValidationError
for form errors); `forbidden_as_404` maps the domain refusal for a view.
"""

from functools import wraps

from django.http import Http404

from .workflow import Forbidden


def permission_required_404(perm: str, fn=None):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            obj = fn(request, *args, **kwargs) if fn is not None else None
            if not request.user.is_authenticated or not request.user.has_perm(perm, obj):
                raise Http404
            request.permission_object = obj
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def forbidden_as_404(view):
    """A service's domain refusal (`Forbidden`) answers 404, like a permission the view checked."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Forbidden as exc:
            raise Http404 from exc

    return wrapper


def keep_rule_answers(obj):
    """Let predicates wrapped in `answer_once_per_object` keep their answers on `obj` (for this page).

    A selector that hands many rows one shared object (every action of a team shares its application)
    calls this, so a page that asks a permission for every row asks the database once. Only objects so
    marked keep answers: anywhere else a predicate asks afresh each time.
    """
    obj.__dict__.setdefault("_rule_answers", {})
    return obj


def answer_once_per_object(question):
    """A `(user, obj)` predicate that keeps its answer on `obj` when `keep_rule_answers(obj)` marked it."""

    @wraps(question)
    def answer(user, obj):
        answers = getattr(obj, "_rule_answers", None)
        if answers is None or not getattr(user, "is_authenticated", False):
            return question(user, obj)
        key = (question.__qualname__, user.pk)
        if key not in answers:
            answers[key] = question(user, obj)
        return answers[key]

    return answer
