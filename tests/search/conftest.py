import pytest


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit (indexing), as a real request's end would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
