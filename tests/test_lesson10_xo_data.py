"""The X-versus-O data of lesson 10 (autograder/data/xo.json) is the talk's: the X and its
three features equal the traces' inputs, and the reference solution rebuilds from them
every filtered map, pooled map, ReLU map and match value the talk quotes."""

import json

import numpy as np
import pytest

from autograder import catalogue, reference

XO = json.loads((catalogue.PACKAGE / "data" / "xo.json").read_text(encoding="utf-8"))
NAMES = ["diag-down", "center-x", "diag-up"]


@pytest.fixture(scope="module")
def ref():
    return reference.load("lesson10")


def test_x_and_features_equal_the_traces():
    assert XO["images"]["x"] == catalogue.trace("CNN.xo.image").value
    assert list(XO["features"]) == NAMES  # the layout of CNN.xo.features
    assert [XO["features"][n] for n in NAMES] == catalogue.trace("CNN.xo.features").value


@pytest.mark.parametrize("name", ["x", "o"])
def test_images_are_nine_by_nine_bright_or_dark_pixels(name):
    image = np.array(XO["images"][name])
    assert image.shape == (9, 9)
    assert set(np.unique(image)) <= {-1.0, 1.0}
    assert (image == image[::-1]).all() and (image == image[:, ::-1]).all()  # both letters are symmetric
    assert (image[0] == -1).all() and (image[:, 0] == -1).all()  # a dark frame, as in the talk


@pytest.mark.parametrize("name", NAMES)
def test_reference_rebuilds_the_talks_maps(ref, name):
    x = np.array(XO["images"]["x"])
    feature_map = ref.convolve_feature(x, XO["features"][name])
    np.testing.assert_allclose(feature_map, catalogue.trace("CNN.xo.map.%s" % name).value, rtol=0, atol=1e-15)
    np.testing.assert_allclose(ref.max_pool(feature_map), catalogue.trace("CNN.xo.pool.%s" % name).value,
                               rtol=0, atol=1e-15)
    if name == "diag-down":
        np.testing.assert_allclose(ref.relu(feature_map), catalogue.trace("CNN.xo.relu.diag-down").value,
                                   rtol=0, atol=1e-15)


def test_reference_rebuilds_the_quoted_match_values(ref):
    x = np.array(XO["images"]["x"])
    feature = XO["features"][catalogue.trace("CNN.xo.filter-match").inputs["feature"]]
    got = [ref.match_filter(x[1:4, 1:4], feature), ref.match_filter(x[3:6, 3:6], feature)]
    assert got == pytest.approx(catalogue.trace("CNN.xo.filter-match").value, abs=1e-15)
    numerators = set()
    for name in NAMES:
        numerators |= {round(9 * v) for v in np.ravel(ref.convolve_feature(x, XO["features"][name]))}
    assert sorted(numerators, reverse=True) == catalogue.trace("CNN.xo.match-values").value
    sides = catalogue.trace("CNN.xo.sizes").value
    feature_map = ref.convolve_feature(x, feature)
    assert [len(x), len(feature_map), len(ref.max_pool(feature_map))] == sides


def test_the_little_x_tells_the_x_from_the_o(ref):
    """The centre-x feature matches the X perfectly at its centre and the O nowhere."""
    feature = XO["features"]["center-x"]
    assert np.max(ref.convolve_feature(XO["images"]["x"], feature)) == 1.0
    assert np.max(ref.convolve_feature(XO["images"]["o"], feature)) < 0.6
