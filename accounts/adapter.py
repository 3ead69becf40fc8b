"""Login throttling that slows guessing without letting an attacker lock the owner out.

allauth's `login_failed` limit counts failures per "key"; here the key is the (account,
address) pair, so hammering an account from one address blocks that address for that
account only. A looser per-address limit (same setting, `ip`) slows one address trying many
accounts, and `login_failed_account` gives an account a cool-off when it is attacked from many
addresses at once. Every limit is a sliding window: nothing is permanent, and the owner can
always log in with a one-time code sent to their verified address (login by code).
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit

APP = "allauth.account"
ACCOUNT_ACTION = "login_failed_account"


def _login(credentials) -> str:
    return credentials.get("email", credentials.get("username", "")).lower()


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}|{ratelimit.get_ip(request)}"

    def pre_authenticate(self, request, **credentials) -> None:
        super().pre_authenticate(request, **credentials)
        self._account_rl_usage = ratelimit.consume(request, app=APP, action=ACCOUNT_ACTION, key=_login(credentials))
        if not self._account_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def _rollback_login_failed_rl_usage(self) -> None:
        # A successful login takes back what this attempt counted (allauth's own rule).
        super()._rollback_login_failed_rl_usage()
        usage = getattr(self, "_account_rl_usage", None)
        if usage:
            usage.rollback()

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(request, app=APP, action=ACCOUNT_ACTION, key=_login(credentials))
