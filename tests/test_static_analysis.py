"""ruff's security rules (S, bandit's checks) run in `make lint`; every exception says why."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "node_modules", "staticfiles", "migrations"}
NOQA_S = re.compile(r"#\s*noqa:\s*([A-Z0-9, ]*\bS\d{3}\b[A-Z0-9, ]*)(.*)$")


def test_every_security_rule_exception_gives_its_reason():
    unexplained = []
    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = NOQA_S.search(line)
            if match and not re.match(r"\s*[-—]\s*\S", match.group(2)):
                unexplained.append(f"{path.relative_to(ROOT)}:{number}")

    assert unexplained == []


def test_security_rules_are_selected_and_only_tests_and_demo_data_are_exempted():
    config = (ROOT / "pyproject.toml").read_text()
    select = re.search(r"^select = \[(.*)\]$", config, re.MULTILINE).group(1)
    ignore = re.search(r"^ignore = \[(.*?)^\]$", config, re.MULTILINE | re.DOTALL).group(1)

    assert '"S"' in select
    assert re.findall(r'"(S\d+)"', ignore) == []
