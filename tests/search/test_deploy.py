"""Production settings pass Django's deployment checks with the documented environment (deploy/env.example)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**extra_env):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kollega.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        "KOLLEGA_BASE_URL": "https://example.org",
        **extra_env,
    }
    # A fresh process: production settings must be read from scratch, not on top of the test settings.
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_with_elasticsearch_pass_check_deploy_without_warnings():
    # Settings only: the check does not connect, so no server is needed.
    result = run_check(ELASTICSEARCH_URL="http://elasticsearch:9200")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_an_https_base_url():
    for value in ("", "http://example.org"):
        result = run_check(KOLLEGA_BASE_URL=value)
        assert result.returncode != 0 and "KOLLEGA_BASE_URL" in result.stderr, value


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_check(SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("name", ["docker-compose.yml", "Dockerfile", "nginx.conf", "env.example"])
def test_deploy_files_exist(name):
    assert (ROOT / "deploy" / name).is_file()


def test_env_example_documents_every_variable_the_compose_file_uses():
    import re

    compose = (ROOT / "deploy" / "docker-compose.yml").read_text()
    example = (ROOT / "deploy" / "env.example").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)", compose))
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.M))
    assert used <= documented, used - documented
