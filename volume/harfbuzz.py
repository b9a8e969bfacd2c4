"""HarfBuzz and HarfBuzz-Subset through cffi (ABI mode, no compiler needed): the few calls the tool makes.

WeasyPrint already loads libharfbuzz; libharfbuzz-subset0 comes from Debian (`.ci/run` installs it). Where either
is missing, `harfbuzz()` is None and the callers fall back to fontTools, slower but the same in effect.
"""

from __future__ import annotations

from pathlib import Path

HB_CDEF = """
typedef struct hb_blob_t hb_blob_t; typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t; typedef struct hb_subset_input_t hb_subset_input_t;
typedef uint32_t hb_codepoint_t; typedef uint32_t hb_tag_t; typedef int hb_bool_t;
hb_blob_t *hb_blob_create_from_file (const char *file_name);
void hb_blob_destroy (hb_blob_t *blob);
const char *hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
void hb_face_destroy (hb_face_t *face);
hb_blob_t *hb_face_reference_blob (hb_face_t *face);
void hb_face_collect_unicodes (hb_face_t *face, hb_set_t *out);
hb_tag_t hb_tag_from_string (const char *str, int len);
hb_set_t *hb_set_create (void);
void hb_set_destroy (hb_set_t *set);
unsigned int hb_set_get_population (const hb_set_t *set);
unsigned int hb_set_next_many (const hb_set_t *set, hb_codepoint_t codepoint, hb_codepoint_t *out, unsigned int size);
void hb_set_add_sorted_array (hb_set_t *set, const hb_codepoint_t *sorted_codepoints, unsigned int num);
void hb_set_invert (hb_set_t *set);
void hb_set_clear (hb_set_t *set);
hb_subset_input_t *hb_subset_input_create_or_fail (void);
void hb_subset_input_destroy (hb_subset_input_t *input);
hb_set_t *hb_subset_input_glyph_set (hb_subset_input_t *input);
hb_set_t *hb_subset_input_set (hb_subset_input_t *input, int set_type);
void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned value);
hb_face_t *hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
"""
INVALID_CODEPOINT = 0xFFFFFFFF
_HB: list = []


def harfbuzz():
    """(ffi, harfbuzz, harfbuzz-subset), or None where a library is not installed."""
    if not _HB:
        try:
            import cffi

            ffi = cffi.FFI()
            ffi.cdef(HB_CDEF)
            _HB.append((ffi, ffi.dlopen("libharfbuzz.so.0"), ffi.dlopen("libharfbuzz-subset.so.0")))
        except (OSError, ImportError, AttributeError):
            _HB.append(None)
    return _HB[0]


def unicodes(path: Path) -> set[int] | None:
    """Every code point the font's character map covers, or None without HarfBuzz."""
    found = harfbuzz()
    if found is None:
        return None
    ffi, hb, _ = found
    blob = ffi.gc(hb.hb_blob_create_from_file(str(path).encode()), hb.hb_blob_destroy)
    face = ffi.gc(hb.hb_face_create(blob, 0), hb.hb_face_destroy)
    points = ffi.gc(hb.hb_set_create(), hb.hb_set_destroy)
    hb.hb_face_collect_unicodes(face, points)
    size = hb.hb_set_get_population(points)
    out = ffi.new("hb_codepoint_t[]", max(size, 1))
    count = hb.hb_set_next_many(points, INVALID_CODEPOINT, out, size)
    return set(out[0:count])


UNICODE_SET, NAME_ID_SET, LAYOUT_FEATURE_SET = 1, 4, 6
NOTDEF_OUTLINE = 0x40


def subset_to_characters(path: Path, characters: str) -> bytes | None:
    """The font cut to these characters (and what its layout features reach from them), keeping every layout
    feature, every name and the .notdef outline; None without HarfBuzz-Subset or if it fails."""
    found = harfbuzz()
    if found is None:
        return None
    ffi, hb, hb_subset = found
    blob = ffi.gc(hb.hb_blob_create_from_file(str(path).encode()), hb.hb_blob_destroy)
    face = ffi.gc(hb.hb_face_create(blob, 0), hb.hb_face_destroy)
    request = ffi.gc(hb_subset.hb_subset_input_create_or_fail(), hb_subset.hb_subset_input_destroy)
    points = sorted({ord(c) for c in characters})
    hb.hb_set_add_sorted_array(hb_subset.hb_subset_input_set(request, UNICODE_SET),
                               ffi.new("hb_codepoint_t[]", points or [0]), len(points))
    for every in (LAYOUT_FEATURE_SET, NAME_ID_SET):
        chosen = hb_subset.hb_subset_input_set(request, every)
        hb.hb_set_clear(chosen)  # the defaults out, then the empty set inverted: all of them
        hb.hb_set_invert(chosen)
    hb_subset.hb_subset_input_set_flags(request, NOTDEF_OUTLINE)
    cut = hb_subset.hb_subset_or_fail(face, request)
    if cut == ffi.NULL:
        return None
    cut = ffi.gc(cut, hb.hb_face_destroy)
    result = ffi.gc(hb.hb_face_reference_blob(cut), hb.hb_blob_destroy)
    length = ffi.new("unsigned int *")
    data = hb.hb_blob_get_data(result, length)
    return bytes(ffi.buffer(data, length[0])) if data != ffi.NULL and length[0] else None
