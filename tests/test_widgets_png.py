"""The explorers' PNG writer: what it writes decodes (with Pillow) to exactly the pixels given."""

import io

import numpy as np
import pytest
from PIL import Image

from helpers.widgets._png import encode_png


def _decode(png):
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.mode, np.asarray(image)


@pytest.mark.parametrize("shape", [(1, 1, 3), (7, 5, 3), (64, 48, 4), (3, 200, 4)])
def test_random_pixels_survive_the_round_trip(shape):
    pixels = np.random.default_rng(sum(shape)).integers(0, 256, size=shape, dtype=np.uint8)
    mode, decoded = _decode(encode_png(pixels))
    assert mode == ("RGB" if shape[2] == 3 else "RGBA")
    assert np.array_equal(decoded, pixels)


def test_an_opaque_rgba_image_is_written_as_rgb_with_the_same_colours():
    pixels = np.random.default_rng(1).integers(0, 256, size=(20, 30, 4), dtype=np.uint8)
    pixels[:, :, 3] = 255
    mode, decoded = _decode(encode_png(pixels))
    assert mode == "RGB" and np.array_equal(decoded, pixels[:, :, :3])


def test_a_non_contiguous_view_is_written_as_its_pixels():
    pixels = np.random.default_rng(2).integers(0, 256, size=(30, 40, 3), dtype=np.uint8)[::2, 1::3]
    assert np.array_equal(_decode(encode_png(pixels))[1], pixels)


def test_a_real_figure_frame_round_trips_and_is_smaller_than_raw():
    from helpers import widgets

    explorer = widgets.perceptron_explorer(canvas="agg")
    pixels = explorer.pixels()
    png = encode_png(pixels)
    assert np.array_equal(_decode(png)[1], pixels[:, :, :3]) and (pixels[:, :, 3] == 255).all()
    assert len(png) < pixels[:, :, :3].nbytes / 10  # flat colour compresses well without filters


@pytest.mark.parametrize("bad, message", [
    (np.zeros((2, 2), np.uint8), "pixels must be an"),
    (np.zeros((2, 2, 2), np.uint8), "pixels must be an"),
    (np.zeros((2, 2, 3), np.float64), "pixels must be an"),
    (np.zeros((0, 2, 3), np.uint8), "at least one pixel"),
])
def test_bad_pixels_are_refused_by_name(bad, message):
    with pytest.raises(ValueError, match=message):
        encode_png(bad)


def test_bad_level_is_refused_by_name():
    with pytest.raises(ValueError, match="level must be"):
        encode_png(np.zeros((1, 1, 3), np.uint8), level=10)
