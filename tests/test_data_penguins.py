"""Tests for the penguins loader, the stratified split and standardisation in helpers.data.

Expected values come from reading data/penguins.csv line by line here (independently
of the loader) and from the data card.
"""

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from helpers import data

CSV = Path(__file__).resolve().parent.parent / "data" / "penguins.csv"


def _raw_lines():
    return CSV.read_text(encoding="utf-8").splitlines()


# --- the file and its card ------------------------------------------------------------------


def test_file_has_344_birds_and_the_documented_header():
    lines = _raw_lines()
    assert len(lines) == 345
    assert lines[0] == (
        "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year"
    )


def test_checksum_in_code_and_data_card_match_the_file():
    digest = hashlib.sha256(CSV.read_bytes()).hexdigest()
    assert digest == data.PENGUINS_SHA256
    card = (CSV.parent / "README.md").read_text(encoding="utf-8")
    assert digest in card
    assert "CC0" in card and "Gorman" in card and "344" in card


# --- load_penguins ------------------------------------------------------------------------


def test_default_load_drops_the_two_unmeasured_birds():
    X, y, feature_names, class_names = data.load_penguins()
    assert X.shape == (342, 4)
    assert feature_names == list(data.PENGUIN_FEATURES)
    assert class_names == ["Adelie", "Chinstrap", "Gentoo"]
    assert y.dtype.kind == "i"
    # 152 Adelie and 124 Gentoo in the file, one of each has no measurements.
    assert np.bincount(y).tolist() == [151, 68, 123]
    assert not np.isnan(X).any()


def test_first_bird_matches_the_file():
    X, y, _, _ = data.load_penguins()
    # Line 2 of the file: Adelie,Torgersen,39.1,18.7,181,3750,male,2007
    np.testing.assert_array_equal(X[0], [39.1, 18.7, 181.0, 3750.0])
    assert y[0] == 0


def test_column_means_match_an_independent_read():
    columns = _raw_lines()[0].split(",")
    rows = [line.split(",") for line in _raw_lines()[1:]]
    X, _, names, _ = data.load_penguins()
    for j, name in enumerate(names):
        col = columns.index(name)
        values = [float(r[col]) for r in rows if r[col] != "NA"]
        assert X[:, j].mean() == pytest.approx(sum(values) / len(values))


def test_dropna_false_keeps_all_rows_with_nan():
    X, y, _, _ = data.load_penguins(dropna=False)
    assert X.shape == (344, 4)
    assert np.isnan(X).any(axis=1).sum() == 2
    assert np.isnan(X[3]).all()  # line 5 of the file: Adelie,Torgersen,NA,NA,NA,NA,NA,2007


def test_species_order_sets_class_ids():
    X, y, features, classes = data.load_penguins(
        features=["flipper_length_mm", "bill_length_mm"], species=["Gentoo", "Adelie"]
    )
    assert classes == ["Gentoo", "Adelie"]
    assert features == ["flipper_length_mm", "bill_length_mm"]
    assert np.bincount(y).tolist() == [123, 151]
    # Gentoo have the longest flippers of the three species.
    assert X[y == 0, 0].mean() > X[y == 1, 0].mean() + 20


def test_a_single_feature_name_is_accepted():
    X, _, features, _ = data.load_penguins(features="body_mass_g", species="Chinstrap")
    assert X.shape == (68, 1) and features == ["body_mass_g"]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"features": ["wing_span"]}, "wing_span"),
        ({"features": ["bill_length_mm", "bill_length_mm"]}, "repeat"),
        ({"features": []}, "at least one"),
        ({"species": ["Emperor"]}, "Emperor"),
        ({"species": []}, "at least one"),
    ],
)
def test_unknown_or_bad_names_raise_clear_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        data.load_penguins(**kwargs)


def test_missing_file_is_named(tmp_path):
    missing = tmp_path / "penguins.csv"
    with pytest.raises(FileNotFoundError, match=str(missing).replace("\\", "\\\\")):
        data.load_penguins(path=missing)


def test_altered_copy_is_refused_and_named(tmp_path):
    copy = tmp_path / "penguins.csv"
    text = CSV.read_text(encoding="utf-8").replace("39.1,18.7,181,3750", "39.1,18.7,181,9999", 1)
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="altered") as info:
        data.load_penguins(path=copy)
    assert str(copy) in str(info.value)


def test_unaltered_copy_loads(tmp_path):
    copy = tmp_path / "penguins.csv"
    shutil.copy(CSV, copy)
    X, _, _, _ = data.load_penguins(path=copy)
    assert X.shape == (342, 4)


# --- train_test_split -----------------------------------------------------------------------


def test_split_is_stratified_and_partitions_the_data():
    X, y, _, _ = data.load_penguins()
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=0.25, seed=1)
    assert len(y_test) == round(0.25 * 342) == 86
    assert len(y_train) + len(y_test) == 342
    # 151 * 86 / 342 = 37.97, 68 * 86 / 342 = 17.10, 123 * 86 / 342 = 30.93
    assert np.bincount(y_test).tolist() == [38, 17, 31]
    # Every bird is in exactly one part: compare the rows as sorted tuples.
    together = sorted(map(tuple, np.vstack([X_train, X_test])))
    assert together == sorted(map(tuple, X))


def test_split_keeps_rows_and_labels_together():
    X = np.arange(40.0).reshape(20, 2)
    y = (np.arange(20) >= 12).astype(int)
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=5, seed=3)
    for Xp, yp in ((X_train, y_train), (X_test, y_test)):
        np.testing.assert_array_equal((Xp[:, 0] / 2 >= 12).astype(int), yp)
    assert len(y_test) == 5


def test_split_is_seeded():
    X = np.arange(60.0).reshape(30, 2)
    y = np.arange(30) % 3
    a = data.train_test_split(X, y, test_size=0.3, seed=7)
    b = data.train_test_split(X, y, test_size=0.3, seed=7)
    c = data.train_test_split(X, y, test_size=0.3, seed=8)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    assert not np.array_equal(a[1], c[1])


def test_unstratified_split_has_the_right_size():
    X = np.arange(20.0).reshape(10, 2)
    y = np.array([0] * 9 + [1])
    _, X_test, _, y_test = data.train_test_split(X, y, test_size=0.3, seed=0, stratify=False)
    assert X_test.shape == (3, 2) and y_test.shape == (3,)


@pytest.mark.parametrize("test_size", [0.0, 1.0, 1.5, 0, 10, -2])
def test_split_rejects_sizes_that_leave_a_part_empty(test_size):
    X = np.zeros((10, 2))
    y = np.zeros(10)
    with pytest.raises(ValueError, match="test_size"):
        data.train_test_split(X, y, test_size=test_size, seed=0)


def test_split_rejects_mismatched_labels():
    with pytest.raises(ValueError, match="y must"):
        data.train_test_split(np.zeros((5, 2)), np.zeros(4), seed=0)


# --- standardize ---------------------------------------------------------------------------


def test_standardize_uses_training_statistics_only():
    X_train = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]])
    X_test = np.array([[7.0, 40.0]])
    Xs_train, Xs_test, scaler = data.standardize(X_train, X_test)
    # By hand: means 3 and 20; population std sqrt(8/3) and sqrt(200/3).
    np.testing.assert_allclose(scaler.mean, [3.0, 20.0])
    np.testing.assert_allclose(scaler.std, [np.sqrt(8 / 3), np.sqrt(200 / 3)])
    np.testing.assert_allclose(Xs_test, [[4 / np.sqrt(8 / 3), 20 / np.sqrt(200 / 3)]])
    np.testing.assert_allclose(Xs_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Xs_train.std(axis=0), 1.0)


def test_no_test_statistics_leak_into_training():
    rng = np.random.default_rng(0)
    X_train = rng.normal(size=(50, 3))
    near = rng.normal(size=(20, 3))
    far = near * 100.0 + 1000.0  # a wildly different test set
    a_train, _, a = data.standardize(X_train, near)
    b_train, b_test, b = data.standardize(X_train, far)
    np.testing.assert_array_equal(a_train, b_train)
    np.testing.assert_array_equal(a.mean, b.mean)
    np.testing.assert_array_equal(a.std, b.std)
    # The test set is *not* re-centred: it keeps its offset in training units.
    assert b_test.mean() > 100


def test_scaler_statistics_cannot_be_overwritten():
    _, _, scaler = data.standardize(np.array([[1.0], [3.0]]))
    with pytest.raises(ValueError):
        scaler.mean[0] = 99.0


def test_scaler_apply_and_invert_round_trip():
    X, _, _, _ = data.load_penguins()
    Xs, none, scaler = data.standardize(X)
    assert none is None
    np.testing.assert_allclose(scaler.invert(Xs), X)
    np.testing.assert_allclose(scaler.apply(X), Xs)


def test_constant_feature_is_centred_not_divided_by_zero():
    Xs, _, scaler = data.standardize(np.array([[2.0, 1.0], [2.0, 3.0]]))
    np.testing.assert_array_equal(Xs[:, 0], [0.0, 0.0])
    assert scaler.std[0] == 1.0


def test_standardize_rejects_column_mismatch():
    with pytest.raises(ValueError, match="X_test"):
        data.standardize(np.zeros((3, 2)), np.zeros((2, 3)))


# --- the capstone claim: a small softmax MLP on the four measurements -------------------------


def test_three_species_mlp_reaches_95_percent_on_held_out_birds():
    from helpers import mlp

    X, y, _, _ = data.load_penguins()
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=0.25, seed=0)
    X_train_s, X_test_s, _ = data.standardize(X_train, X_test)
    net = mlp.MLP([4, 4, 3], hidden="sigmoid", output="softmax", seed=0)
    net.fit(X_train_s, y_train, lr=0.1, epochs=100, batch_size=16, rng=0)
    accuracy = np.mean(net.predict(X_test_s) == y_test)
    assert accuracy >= 0.95
    # Raw measurements saturate the sigmoid units: the same network stays near the
    # majority-class rate (38 Adelie of 86 test birds), which is why we standardise.
    raw = mlp.MLP([4, 4, 3], hidden="sigmoid", output="softmax", seed=0)
    raw.fit(X_train, y_train, lr=0.1, epochs=100, batch_size=16, rng=0)
    assert np.mean(raw.predict(X_test) == y_test) < 0.6
