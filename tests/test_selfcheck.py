"""The set-up check: it passes here, and it names what is missing when something is."""

import io
import json
import subprocess
import sys

import pytest

from helpers import selfcheck


def test_python_version_threshold():
    assert selfcheck.check_python((3, 10, 0)).ok
    old = selfcheck.check_python((3, 9, 18))
    assert not old.ok and "3.9.18" in old.detail and "3.10" in old.fix


def test_version_parsing():
    assert selfcheck._version_tuple("3.10.1") == (3, 10, 1)
    assert selfcheck._version_tuple("2.0rc1") == (2, 0)
    assert selfcheck._version_tuple("0.9.4") < selfcheck._version_tuple("0.10.0")


def test_installed_packages_pass_and_missing_or_old_ones_are_named():
    results = selfcheck.check_packages({
        "numpy": ("numpy", "1.0"),
        "surely_not_a_course_package": ("surely-not-a-course-package", "1.0"),
        "pytest": ("pytest", "999.0"),
    })
    by_name = {r.name: r for r in results}
    assert by_name["numpy"].ok
    missing = by_name["surely_not_a_course_package"]
    assert not missing.ok and missing.detail == "not installed" and "requirements.txt" in missing.fix
    old = by_name["pytest"]
    assert not old.ok and "older than 999.0" in old.detail


def test_lab_extensions_found_only_with_their_manifest(tmp_path):
    absent = selfcheck.check_lab_extensions([tmp_path])
    assert [r.ok for r in absent] == [False, False, False, False]
    assert "ipympl" in absent[1].detail
    assert absent[2].name == "JupyterLab extension anywidget" and "anywidget" in absent[2].detail
    assert absent[3].name == "JupyterLab extension ipyevents" and "ipyevents" in absent[3].detail
    for name in selfcheck.LAB_EXTENSIONS:
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "package.json").write_text(json.dumps({"version": "1.2.3"}))
    present = selfcheck.check_lab_extensions([tmp_path])
    assert [(r.ok, r.detail) for r in present] == [(True, "1.2.3")] * 4


def test_this_environment_has_the_lab_extensions():
    assert all(r.ok for r in selfcheck.check_lab_extensions())


def test_unknown_kernel_is_reported_with_the_install_command():
    result = selfcheck.check_kernel("no-such-kernel-here", start=False)
    assert not result.ok and "ipykernel install" in result.fix


def test_kernel_starts_and_imports_the_helpers():
    result = selfcheck.check_kernel("python3", start=True)
    assert result.ok, result.detail


def test_explorer_check_passes_here_and_reports_a_broken_explorer(monkeypatch):
    assert selfcheck.check_explorer().ok
    from helpers import widgets

    def broken(*args, **kwargs):
        raise RuntimeError("no canvas")

    monkeypatch.setattr(widgets, "perceptron_explorer", broken)
    result = selfcheck.check_explorer()
    assert not result.ok and "RuntimeError: no canvas" in result.detail


def test_report_prints_each_problem_with_its_fix_and_fails():
    out = io.StringIO()
    code = selfcheck.report([selfcheck.Check("numpy", True, "2.1"),
                             selfcheck.Check("ipympl", False, "not installed", "pip install ipympl")], out)
    text = out.getvalue()
    assert code == 1
    assert "ok       numpy" in text and "MISSING  ipympl" in text and "-> pip install ipympl" in text
    assert "1 problem(s) found" in text


def test_command_line_passes_in_the_test_environment():
    run = subprocess.run([sys.executable, "-m", "helpers.selfcheck", "--quick"], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "MISSING" not in run.stdout and "checks passed" in run.stdout
