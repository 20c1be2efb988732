"""Validation problems as GitHub Actions annotations: exact strings, GitHub's escaping rules,
and the CLI choosing the format by itself inside GitHub Actions."""

from __future__ import annotations

import pytest

from generator.__main__ import main
from generator.annotations import annotation, escape_data, escape_property, plain, running_in_github_actions
from generator.problems import Problem

STATUS = Problem("mechanisms/mx-ca-ptat.yaml", 17, 9, "status", "'alive' is not in content/taxonomies/statuses.yaml; known: active, ended")


def test_an_error_names_file_line_column_field_and_message() -> None:
    assert annotation(STATUS) == (
        "::error file=mechanisms/mx-ca-ptat.yaml,line=17,col=9::"
        "status: 'alive' is not in content/taxonomies/statuses.yaml; known: active, ended"
    )


def test_a_warning_and_a_problem_without_field() -> None:
    problem = Problem("content/ui/fr.yaml", 1, 1, "", "taxonomy file is missing")
    assert annotation(problem, "warning") == "::warning file=content/ui/fr.yaml,line=1,col=1::taxonomy file is missing"


def test_message_escapes_percent_and_line_breaks_only() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"


def test_property_also_escapes_colon_and_comma() -> None:
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    problem = Problem("odd,name:1.yaml", 2, 3, "summary.en", "line one\nline two 100%")
    assert annotation(problem) == "::error file=odd%2Cname%3A1.yaml,line=2,col=3::summary.en: line one%0Aline two 100%25"


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="'fatal' is not an annotation level"):
        annotation(STATUS, "fatal")


def test_plain_warning_says_so_after_the_place() -> None:
    assert plain(STATUS) == str(STATUS)
    assert plain(STATUS, "warning") == (
        "mechanisms/mx-ca-ptat.yaml:17:9: warning: status: 'alive' is not in content/taxonomies/statuses.yaml; known: active, ended"
    )


def test_github_actions_is_recognised_by_its_variable() -> None:
    assert running_in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not running_in_github_actions({"GITHUB_ACTIONS": "false"})
    assert not running_in_github_actions({})


def _break_status(site_root) -> None:
    record = site_root / "mechanisms/mx-ca-ptat.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("status: active", "status: alive"), encoding="utf-8")


EXPECTED_ERROR = (
    "::error file=mechanisms/mx-ca-ptat.yaml,line=17,col=9::status: 'alive' is not in content/taxonomies/statuses.yaml; "
    "known: active, ended, proposed, suspended, unknown"
)


def test_validate_format_github_prints_annotations_and_keeps_the_readable_lines(site_root, capsys, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _break_status(site_root)
    assert main(["--root", str(site_root), "validate", "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [EXPECTED_ERROR]
    assert "mechanisms/mx-ca-ptat.yaml:17:9: status: 'alive' is not in content/taxonomies/statuses.yaml" in err


def test_inside_github_actions_annotations_are_the_default(site_root, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _break_status(site_root)
    assert main(["--root", str(site_root), "validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [EXPECTED_ERROR]
    assert main(["--root", str(site_root), "validate", "--format", "text"]) == 1
    assert capsys.readouterr().out == ""  # asked for text: no annotation


def test_outside_github_actions_only_readable_lines(site_root, capsys, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _break_status(site_root)
    assert main(["--root", str(site_root), "validate"]) == 1
    out, err = capsys.readouterr()
    assert "::error" not in out + err
