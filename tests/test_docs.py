"""The README keeps up with the code: every CLI verb, setting and the two commands."""

from __future__ import annotations

from workbench.cli import cli
from workbench.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text("utf-8")
INSTALL_AND_SERVE = "pip install -e . && workbench serve"
INSTALL_AND_TEST = 'pip install -e ".[test]" && pytest'


def test_readme_has_the_two_commands() -> None:
    assert INSTALL_AND_SERVE in README
    assert INSTALL_AND_TEST in README


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = (PROJECT_ROOT / ".ci" / "run").read_text("utf-8")
    assert INSTALL_AND_TEST in script.splitlines()


def test_every_cli_verb_is_documented() -> None:
    for name, command in cli.commands.items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for sub in subcommands:
                assert f"workbench {name} {sub}" in README, f"workbench {name} {sub}"
        else:
            assert f"workbench {name}" in README, f"workbench {name}"


def test_settings_are_documented() -> None:
    for setting in ("WORKBENCH_DATABASE_URL", "WORKBENCH_ALLOW_PRIVATE_URLS", "WORKBENCH_NO_SEED"):
        assert setting in README, setting
