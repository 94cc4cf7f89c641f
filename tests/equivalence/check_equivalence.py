#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check TagLens' C++ pipeline against torchvision, image by image.

The reference is what torchvision users do with Inception-v3:

    PIL: Image.open -> ImageOps.exif_transpose -> .convert("RGB")
    Resize(342) (PIL bilinear, antialiased) -> CenterCrop(299) -> ToTensor
    -> Normalize(mean, std)
    inception_v3(aux_logits=True, transform_input=True) with the test .pth
    weights, eval mode, auxiliary logits ignored

Inputs: the photographs shipped with scikit-image (the list lives in
models/make_test_model.py, which also proves the test model's top-1 is stable
on them) plus cases derived from them and written into the work directory:
a JPEG with EXIF orientation 6, an RGBA PNG with varying alpha, a palette
PNG, a greyscale PNG made from a colour photo, a greyscale JPEG, a progressive
JPEG and a 1080x1080 JPEG.

Sub-commands (each prints one line per image, then "N passed, M failed", and
exits non-zero on any failure):

  preprocess --probe PROBE
      `PROBE preprocess IMAGE OUT.f32` must write the 3x299x299 model input
      (raw little-endian float32, CHW, normalised); every value must be within
      1/255 of the reference in pixel units, i.e. after undoing Normalize.
  logits --probe PROBE --model MODEL
      `PROBE logits MODEL IN.f32 OUT.f32` runs the model on the reference
      inputs (one N x 3 x 299 x 299 batch) and writes N x 1000 logits; they
      must match torchvision's to 1e-4 relative.
  classify --cli CLI --model MODEL
      `CLI classify --model MODEL --top 5 --format json FILE...` must agree
      with the reference on top-1 (all images), its probability (+-0.01), the
      top-5 set (>= 90 % of images) and the image size after EXIF rotation.

For MODEL a .pt file, the torchvision reference loads the .pth of the same
name (override with --reference-weights), so the checks also prove that the
TorchScript export computes what the state_dict does.

--workdir DIR keeps the derived images, the reference tensors (DIR/reference,
raw float32 as above, with batch.f32 + batch.txt for the whole set) and the
tools' outputs; by default everything goes to a temporary directory.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
import torchvision
from PIL import Image, ImageOps
from torchvision import transforms

SOURCE_DIR = Path(__file__).resolve().parents[2]
MODEL_SCRIPT = SOURCE_DIR / "models" / "make_test_model.py"
LABELS_FILE = SOURCE_DIR / "models" / "imagenet_classes.txt"


def _load_model_script():
    # Shares the photo list and preprocessing constants with the script that
    # generates (and vets) the test model, so the two cannot drift apart.
    # No __pycache__ in the source tree.
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("make_test_model", MODEL_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MTM = _load_model_script()
INPUT_SIZE = MTM.INPUT_SIZE
RESIZE_SIZE = MTM.RESIZE_SIZE
MEAN = np.array(MTM.MEAN, dtype=np.float64).reshape(3, 1, 1)
STD = np.array(MTM.STD, dtype=np.float64).reshape(3, 1, 1)
NUM_CLASSES = MTM.NUM_CLASSES
INPUT_SHAPE = (3, INPUT_SIZE, INPUT_SIZE)

PIXEL_TOLERANCE = 1 / 255 + 1e-6      # per value, after undoing Normalize
LOGIT_TOLERANCE = 1e-4                # relative to max(1, max |reference|)
PROB_TOLERANCE = 0.01
MIN_TOP5_AGREEMENT = 0.90
TOOL_TIMEOUT = 600                    # seconds, per tool invocation


# torchvision's ImageNet evaluation transform for Inception-v3; on PIL images
# Resize is PIL's antialiased bilinear filter.
REFERENCE_TRANSFORM = transforms.Compose([
    transforms.Resize(RESIZE_SIZE),
    transforms.CenterCrop(INPUT_SIZE),
    transforms.ToTensor(),
    transforms.Normalize(MTM.MEAN, MTM.STD),
])


class Case:
    """One input image and what the reference makes of it."""

    def __init__(self, name, path):
        self.name = name
        self.path = Path(path)
        with Image.open(self.path) as im:
            upright = ImageOps.exif_transpose(im)
            self.size = upright.size                 # (width, height)
            self.rgb = upright.convert("RGB")

    def reference_input(self):
        """Normalised 3x299x299 float32 tensor, torchvision's way."""
        return REFERENCE_TRANSFORM(self.rgb).numpy()


# ---------------------------------------------------------------- test inputs

def write_derived_images(outdir):
    """Derived cases exercising decoder paths the skimage photos lack."""
    outdir.mkdir(parents=True, exist_ok=True)
    data = MTM.skimage_data_dir()
    chelsea = Image.open(data / "chelsea.png").convert("RGB")
    astronaut = Image.open(data / "astronaut.png").convert("RGB")
    coffee = Image.open(data / "coffee.png").convert("RGB")
    cases = []

    # A camera held sideways: pixels stored rotated, orientation 6 ("rotate
    # 90 degrees clockwise to display") makes viewers show it upright again.
    # Ignoring EXIF gives a 300x451 image of a cat lying on its side.
    path = outdir / "exif_orientation6.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    chelsea.transpose(Image.Transpose.ROTATE_90).save(
        path, quality=95, exif=exif.tobytes())
    cases.append(path)

    # Alpha from 0 to 255 over the picture, colour kept underneath: PIL's
    # convert("RGB") drops alpha, it does not composite onto a background
    # (premultiplying, or blending onto black or white, fails here).
    path = outdir / "rgba.png"
    w, h = astronaut.size
    ramp = np.linspace(0, 255, w).round().astype(np.uint8)
    alpha = Image.fromarray(np.tile(ramp, (h, 1)), mode="L")
    rgba = astronaut.copy()
    rgba.putalpha(alpha)
    rgba.save(path)
    cases.append(path)

    path = outdir / "palette.png"
    coffee.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                    dither=Image.Dither.NONE).save(path)
    cases.append(path)

    # Colour photo turned grey: also new content for the model (the other
    # greyscale photos were grey all along).
    path = outdir / "greyscale.png"
    chelsea.convert("L").save(path)
    cases.append(path)

    # Grey and progressive JPEGs: TagLens decodes these with libjpeg-turbo
    # straight to RGB (grey replicated), not through Qt's plugin.
    path = outdir / "greyscale.jpg"
    coffee.convert("L").save(path, quality=88)
    cases.append(path)
    path = outdir / "progressive.jpg"
    coffee.save(path, quality=85, progressive=True)
    cases.append(path)

    # Large JPEG: resizing by 342/1080 is where antialiasing matters most.
    path = outdir / "square_1080.jpg"
    astronaut.resize((1080, 1080), Image.Resampling.LANCZOS).save(path, quality=90)
    cases.append(path)
    return cases


def collect_cases(workdir):
    paths = MTM.photo_paths() + write_derived_images(workdir / "images")
    cases = [Case(p.name, p) for p in paths]
    names = [c.name for c in cases]
    assert len(set(names)) == len(names), "image names must be unique"
    return cases


def write_references(cases, workdir):
    """Reference inputs, one file per image and one batch, for reuse."""
    refdir = workdir / "reference"
    refdir.mkdir(parents=True, exist_ok=True)
    batch = np.stack([c.reference_input() for c in cases]).astype("<f4")
    for case, tensor in zip(cases, batch):
        tensor.tofile(refdir / f"{case.name}.f32")
    batch.tofile(refdir / "batch.f32")
    (refdir / "batch.txt").write_text(
        "".join(f"{c.path}\n" for c in cases), encoding="utf-8")
    return batch


# ------------------------------------------------------------------ utilities

def run_tool(argv, what):
    """Run a tool; returns (ok, stdout, message)."""
    try:
        proc = subprocess.run([str(a) for a in argv], capture_output=True,
                              text=True, timeout=TOOL_TIMEOUT)
    except FileNotFoundError:
        return False, "", f"{what}: cannot execute {argv[0]}"
    except subprocess.TimeoutExpired:
        return False, "", f"{what}: timed out after {TOOL_TIMEOUT} s"
    if proc.returncode != 0:
        detail = (proc.stderr.strip() or proc.stdout.strip())[-2000:]
        return False, proc.stdout, f"{what}: exit status {proc.returncode}: {detail}"
    return True, proc.stdout, ""


def read_f32(path, shape, what):
    """Raw little-endian float32 of exactly `shape`, or raise ValueError."""
    expected = int(np.prod(shape)) * 4
    try:
        size = os.path.getsize(path)
    except OSError:
        raise ValueError(f"{what}: {path} was not written") from None
    if size != expected:
        raise ValueError(f"{what}: {path} has {size} bytes, expected {expected} "
                         f"(float32 {'x'.join(map(str, shape))})")
    values = np.fromfile(path, dtype="<f4").reshape(shape)
    if not np.isfinite(values).all():
        raise ValueError(f"{what}: {path} contains NaN or infinity")
    return values


def reference_model(weights):
    net = torchvision.models.inception_v3(
        weights=None, aux_logits=True, init_weights=False, transform_input=True)
    net.load_state_dict(torch.load(weights, map_location="cpu"))
    return net.eval()


@torch.no_grad()
def reference_logits(weights, batch):
    net = reference_model(weights)
    x = torch.from_numpy(np.ascontiguousarray(batch, dtype=np.float32))
    return torch.cat([net(x[i:i + 8]) for i in range(0, len(x), 8)]).double().numpy()


def reference_weights(args):
    if args.reference_weights:
        return Path(args.reference_weights)
    weights = Path(args.model).with_suffix(".pth")
    if not weights.is_file():
        sys.exit(f"check_equivalence: no {weights} to build the torchvision "
                 f"reference from; pass --reference-weights")
    return weights


def softmax(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def to_pixels(normalised):
    return normalised.astype(np.float64) * STD + MEAN


def summary(failed_names, total, extra_failures=()):
    for message in extra_failures:
        print(f"FAIL: {message}")
    failed = len(failed_names) + len(extra_failures)
    print(f"{total - len(failed_names)} passed, {failed} failed")
    if failed_names:
        print("failed: " + ", ".join(failed_names))
    return 1 if failed else 0


# ----------------------------------------------------------------- preprocess

def diagnose_preprocess(case, got_pixels):
    """Guess common mistakes from what the probe's output matches instead."""
    def close(candidate):
        return np.abs(got_pixels - candidate).max() <= PIXEL_TOLERANCE

    resized = transforms.Resize(RESIZE_SIZE)(case.rgb)
    w, h = resized.size
    top = int(round((h - INPUT_SIZE) / 2.0))
    left = int(round((w - INPUT_SIZE) / 2.0))
    ref = np.asarray(resized, dtype=np.float64).transpose(2, 0, 1) / 255
    hints = []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if (dx or dy) and 0 <= top + dy <= h - INPUT_SIZE and 0 <= left + dx <= w - INPUT_SIZE:
                crop = ref[:, top + dy:top + dy + INPUT_SIZE, left + dx:left + dx + INPUT_SIZE]
                if close(crop):
                    hints.append(
                        f"matches the reference crop moved by x{dx:+d} y{dy:+d}: the "
                        f"centre crop must start at round((size - {INPUT_SIZE}) / 2) "
                        f"with Python's round-half-to-even (here x={left}, y={top}) "
                        f"after resizing the short side to {RESIZE_SIZE} and the long "
                        f"side to int({RESIZE_SIZE} * long / short) (here {w}x{h})")
    crop = ref[:, top:top + INPUT_SIZE, left:left + INPUT_SIZE]
    if close(crop[::-1]):
        hints.append("matches the reference with R and B swapped (BGR order?)")
    raw = (got_pixels - MEAN) / STD      # undo our un-normalising
    if np.abs(raw - crop).max() <= PIXEL_TOLERANCE:
        hints.append("matches the reference without Normalize(mean, std)")
    with Image.open(case.path) as im:
        if ImageOps.exif_transpose(im).size != im.size:
            raw_img = im.convert("RGB")
            unrotated = to_pixels(REFERENCE_TRANSFORM(raw_img).numpy())
            if close(unrotated):
                hints.append("matches the image with its EXIF orientation ignored")
    return hints


def cmd_preprocess(args, cases, batch, workdir):
    outdir = workdir / "probe"
    outdir.mkdir(parents=True, exist_ok=True)
    failed = []
    print(f"preprocess: {args.probe} vs torchvision/PIL, tolerance 1/255 per value "
          f"(pixel units)")
    for case, reference in zip(cases, batch):
        out = outdir / f"{case.name}.f32"
        out.unlink(missing_ok=True)
        ok, _, message = run_tool([args.probe, "preprocess", case.path, out],
                                  f"{case.name}: probe")
        if not ok:
            print(f"FAIL {message}")
            failed.append(case.name)
            continue
        try:
            got = to_pixels(read_f32(out, INPUT_SHAPE, case.name))
        except ValueError as e:
            print(f"FAIL {e}")
            failed.append(case.name)
            continue
        want = to_pixels(reference)
        diff = np.abs(got - want)
        worst = diff.max()
        c, y, x = np.unravel_index(diff.argmax(), diff.shape)
        line = (f"{case.name:24s} max |diff| {worst * 255:6.3f}/255, mean "
                f"{diff.mean() * 255:.4f}/255, values off by > 0.5/255: "
                f"{(diff > 0.5 / 255).mean() * 100:5.2f} %")
        if worst <= PIXEL_TOLERANCE:
            print(f"ok   {line}")
            continue
        print(f"FAIL {line}; worst at channel {c} y {y} x {x}: "
              f"{got[c, y, x] * 255:.2f} vs {want[c, y, x] * 255:.2f} (/255)")
        for hint in diagnose_preprocess(case, got):
            print(f"       hint: {hint}")
        failed.append(case.name)
    return summary(failed, len(cases))


# --------------------------------------------------------------------- logits

def cmd_logits(args, cases, batch, workdir):
    batch_file = workdir / "reference" / "batch.f32"
    weights = reference_weights(args)
    outdir = workdir / "probe"
    outdir.mkdir(parents=True, exist_ok=True)
    out = outdir / f"logits-{Path(args.model).name}.f32"
    out.unlink(missing_ok=True)
    print(f"logits: {args.probe} with {args.model} vs torchvision with {weights}, "
          f"{len(cases)} images in one batch, tolerance "
          f"{LOGIT_TOLERANCE:g} * max(1, max |logit|)")
    ok, _, message = run_tool([args.probe, "logits", args.model, batch_file, out], "probe")
    if not ok:
        print(f"FAIL {message}")
        return summary([c.name for c in cases], len(cases))
    try:
        got = read_f32(out, (len(cases), NUM_CLASSES), "probe logits")
    except ValueError as e:
        print(f"FAIL {e}")
        return summary([c.name for c in cases], len(cases))
    want = reference_logits(weights, batch)
    failed = []
    for i, case in enumerate(cases):
        scale = max(1.0, np.abs(want[i]).max())
        worst = np.abs(got[i] - want[i]).max()
        status = "ok  " if worst <= LOGIT_TOLERANCE * scale else "FAIL"
        print(f"{status} {case.name:24s} max |diff| {worst:.2e} (limit "
              f"{LOGIT_TOLERANCE * scale:.2e}), top-1 {got[i].argmax()} vs {want[i].argmax()}")
        if status == "FAIL":
            failed.append(case.name)
    return summary(failed, len(cases))


# ------------------------------------------------------------------- classify

def check_entry(entry, case, want_probs, want_logits, labels):
    """Problems with one CLI result (a list of strings) and its top-5 set."""
    problems = []
    if not isinstance(entry, dict):
        return [f"result is not an object: {entry!r}"], None
    file = entry.get("file")
    if not (file == str(case.path) or
            (isinstance(file, str) and os.path.realpath(file) == os.path.realpath(case.path))):
        problems.append(f"file {file!r} is not {str(case.path)!r} (order?)")
    if entry.get("status") != "ok":
        return problems + [f"status {entry.get('status')!r}: {entry.get('error')!r}"], None
    if (entry.get("width"), entry.get("height")) != case.size:
        problems.append(f"size {entry.get('width')}x{entry.get('height')}, expected "
                        f"{case.size[0]}x{case.size[1]} (after EXIF rotation)")
    results = entry.get("labels")
    if not isinstance(results, list) or len(results) != 5:
        return problems + [f"labels is not a list of 5: {results!r}"], None
    try:
        indices = [int(r["index"]) for r in results]
        scores = [float(r["score"]) for r in results]
        names = [r["label"] for r in results]
    except (KeyError, TypeError, ValueError) as e:
        return problems + [f"malformed labels entry ({e}): {results!r}"], None
    if any(not 0 <= i < NUM_CLASSES for i in indices):
        return problems + [f"class index out of range: {indices}"], None
    if scores != sorted(scores, reverse=True):
        problems.append(f"scores not in descending order: {scores}")
    for i, name in zip(indices, names):
        if name != labels[i]:
            problems.append(f"class {i} labelled {name!r}, expected {labels[i]!r}")
    want_top = int(want_probs.argmax())
    if indices[0] != want_top:
        second = np.sort(want_logits)[-2]
        problems.append(
            f"top-1 is {indices[0]} ({names[0]}), expected {want_top} "
            f"({labels[want_top]}); reference top-1/top-2 logit margin "
            f"{want_logits.max() - second:.3f}")
    for i, score in zip(indices, scores):
        if abs(score - want_probs[i]) > PROB_TOLERANCE:
            problems.append(f"class {i} score {score:.4f}, reference softmax "
                            f"{want_probs[i]:.4f} (tolerance {PROB_TOLERANCE})")
    return problems, set(indices)


def cmd_classify(args, cases, batch, workdir):
    weights = reference_weights(args)
    labels = LABELS_FILE.read_text(encoding="utf-8").splitlines()
    want_logits = reference_logits(weights, batch)
    want_probs = softmax(want_logits)
    print(f"classify: {args.cli} with {args.model} vs torchvision with {weights}")

    argv = [args.cli, "classify", "--model", args.model, "--top", "5",
            "--format", "json"] + [c.path for c in cases]
    ok, stdout, message = run_tool(argv, "cli")
    outdir = workdir / "cli"
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / f"classify-{Path(args.model).name}.json").write_text(stdout, encoding="utf-8")
    if not ok:
        print(f"FAIL {message}")
    try:
        results = json.loads(stdout)
    except json.JSONDecodeError as e:
        print(f"FAIL cli output is not JSON ({e}): {stdout[:500]!r}")
        return summary([c.name for c in cases], len(cases))
    if not isinstance(results, list) or len(results) != len(cases):
        got = len(results) if isinstance(results, list) else type(results).__name__
        print(f"FAIL cli output must be a JSON array of {len(cases)} results, got {got}")
        return summary([c.name for c in cases], len(cases))

    failed, top5_differs = [], []
    for i, (case, entry) in enumerate(zip(cases, results)):
        problems, top5 = check_entry(entry, case, want_probs[i], want_logits[i], labels)
        want_top5 = set(np.argsort(-want_logits[i])[:5].tolist())
        if top5 is not None and top5 != want_top5:
            top5_differs.append(
                f"{case.name}: {sorted(top5)} vs reference {sorted(want_top5)}")
        top = int(want_probs[i].argmax())
        line = (f"{case.name:24s} reference top-1 {top} ({labels[top]}) "
                f"p={want_probs[i, top]:.3f}")
        if problems:
            print(f"FAIL {line}")
            for p in problems:
                print(f"       {p}")
            failed.append(case.name)
        else:
            print(f"ok   {line}")

    agreement = 1 - len(top5_differs) / len(cases)
    print(f"top-5 set identical on {len(cases) - len(top5_differs)}/{len(cases)} "
          f"images ({agreement * 100:.0f} %, need {MIN_TOP5_AGREEMENT * 100:.0f} %)")
    for d in top5_differs:
        print(f"       top-5 differs: {d}")
    extra = []
    if not ok:
        extra.append(message)
    if agreement < MIN_TOP5_AGREEMENT:
        extra.append(f"top-5 sets agree on only {agreement * 100:.0f} % of images")
    return summary(failed, len(cases), extra)


# ----------------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare TagLens' C++ pipeline with torchvision.",
        epilog="See the module docstring for the file formats.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workdir", help="keep derived images, reference tensors "
                        "and tool outputs here (default: a temporary directory)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("preprocess", parents=[common],
                       help="compare PROBE's model input with torchvision's")
    p.add_argument("--probe", required=True)

    for name, tool, helptext in (
            ("logits", "--probe", "compare PROBE's logits with torchvision's"),
            ("classify", "--cli", "compare the CLI's classifications with torchvision's")):
        p = sub.add_parser(name, parents=[common], help=helptext)
        p.add_argument(tool, required=True)
        p.add_argument("--model", required=True, help=".pth or .pt model file")
        p.add_argument("--reference-weights",
                       help="state_dict for the torchvision reference "
                            "(default: MODEL with the suffix .pth)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    torch.set_grad_enabled(False)
    commands = {"preprocess": cmd_preprocess, "logits": cmd_logits,
                "classify": cmd_classify}

    def run(workdir):
        cases = collect_cases(workdir)
        batch = write_references(cases, workdir)
        return commands[args.command](args, cases, batch, workdir)

    if args.workdir:
        workdir = Path(args.workdir).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        return run(workdir)
    with tempfile.TemporaryDirectory(prefix="taglens-equivalence-") as tmp:
        return run(Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
