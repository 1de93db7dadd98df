"""A mistake in the demo's data files is reported with its file and entry, not ignored."""

import json
import shutil

import pytest

from demo.catalogue import CatalogueError, build_catalogue
from demo.datafiles import DATA_DIR, DataFileError, family_groups
from demo.tips import tip_data

MISTAKES = {
    # file: (the mistake, what reads it, the cache in front, the error and its message)
    "catalogue/families-senses.json": (
        lambda content: content["families"][0].update(colour="blue"),
        build_catalogue,
        family_groups,
        CatalogueError,
        "families-senses.json.*unknown colour",
    ),
    "contributions/tips.json": (
        lambda content: content["tips"][0].update(based_on="no-such-tip"),
        tip_data,
        tip_data,
        DataFileError,
        "foam-cutlery.*no-such-tip",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_in_a_data_file_is_named(name, monkeypatch, tmp_path):
    mistake, read, cached, error, message = MISTAKES[name]
    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / name
    content = json.loads(path.read_text(encoding="utf-8"))
    mistake(content)
    path.write_text(json.dumps(content), encoding="utf-8")
    monkeypatch.setattr("demo.datafiles.DATA_DIR", tmp_path / "data")
    cached.cache_clear()
    try:
        with pytest.raises(error, match=message):
            read()
    finally:
        cached.cache_clear()
