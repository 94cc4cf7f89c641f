#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a deterministic random-weight Inception-v3 for TagLens' tests.

Usage: /usr/bin/python3 models/make_test_model.py [--if-stale] OUTDIR

Writes into OUTDIR:
  test_inception_v3.pth   state_dict of torchvision's inception_v3(aux_logits=True),
                          i.e. exactly the keys of the official
                          inception_v3_google-0cc3c7bd.pth (AuxLogits.*,
                          num_batches_tracked included)
  test_inception_v3.json  sidecar metadata the C++ side reads beside a model
  test_inception_v3.pt    TorchScript trace (transform_input=True, logits only,
                          N x 1000) with labels.txt and taglens.json embedded

Nothing is downloaded: the network is random, but shaped so that it is useful
for telling a correct preprocessing/inference pipeline from a wrong one.  Two
naive ways of making a random Inception-v3 are useless for that:

* torchvision's own init (or PyTorch's default) gives logits around 1e12, so
  softmax is one-hot and nothing can be compared;
* recalibrating batch-norm statistics on photos makes the network chaotic
  (a 1/255 input change flips top-1 on a fifth of the photos).

What is done instead:

1. Trunk: He-normal convolutions (fan_in, which keeps activations O(1) all
   the way down; fan_out lets them grow 300-fold by Mixed_7c) and identity
   batch-norm (mean 0, var 1, weight 1, bias 0).  Deep ReLU trunks like this
   map all photos to nearly the same direction: photos differ in the pooled
   2048-d features mostly along a handful of directions, while a +-1/255 input
   change moves the features by ~2 % of the photo-to-photo spread, mostly in
   directions orthogonal to it.

2. Classifier: a plain random fc (centred and scaled) reads those orthogonal
   noise directions too.  Measured on these photos, its top-1/top-2 margin is
   often smaller than the logit change caused by +-1/255 (margin/change ratio
   0.1-2.8), so top-1 flips, and only 6-12 distinct top-1 classes appear.
   So the fc is built on "photo coordinates" instead: the linear map
   u(f) = sqrt(n-1) * K^+ D (f - mu), where D holds the n calibration photos'
   centred features and K = D D^T, sends calibration photo i to vertex i of
   a regular simplex, sqrt(n-1) * (e_i - 1/n), whitening the photo-to-photo
   variation; it ignores feature directions no photo varies in, where most of
   the perturbation noise lives.  Each calibration photo gets five random classes whose weights point
   at its vertex (varied gaps, so top-1 probabilities are moderate and
   varied); all other classes get random weights in photo coordinates with a
   small spread.  On these photos the margins then exceed their change under
   +-1/255 at least 9-fold (median 40-fold), every photo has its own top-1
   and no top-5 set moves.  Photos outside the calibration set (rotations,
   greyscale versions...) still get their top classes from a mix of these.

The script measures and asserts the properties the equivalence tests rely on
(stable top-1 under +-1/255 input perturbations, many distinct top-1 classes,
moderate maximum probabilities) and fails loudly if they do not hold.

Determinism: all random numbers come from numpy's legacy RandomState, whose
streams are frozen, and the fc is computed in float64.  The convolution and
batch-norm tensors are therefore bit-identical everywhere; the fc layer
depends on float32 convolution results, so it is bit-identical run to run on
one machine and torch build, but may differ in the last bits on a CPU whose
oneDNN kernels sum in another order.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torchvision
from PIL import Image, ImageOps
from torchvision import transforms

SEED = 20240917
MODEL_BASENAME = "test_inception_v3"
INPUT_SIZE = 299
RESIZE_SIZE = 342
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
NUM_CLASSES = 1000

SCRIPT = Path(__file__).resolve()
LABELS_FILE = SCRIPT.parent / "imagenet_classes.txt"

# The photographic images shipped with Debian's python3-skimage (0.19).  They
# are used both to calibrate the classifier and, by
# tests/equivalence/check_equivalence.py, as test inputs.  Left out: synthetic
# or binary pictures (horse, phantom, checkerboards, bw_text, logo, palette
# samples, tiny test images).  color.png is synthetic but smooth and colourful,
# a useful colour-conversion case, so it is kept.
PHOTOS = [
    "astronaut.png",
    "brick.png",
    "camera.png",
    "cell.png",
    "chelsea.png",
    "clock_motion.png",
    "coffee.png",
    "coins.png",
    "color.png",
    "grass.png",
    "gravel.png",
    "hubble_deep_field.jpg",
    "ihc.png",
    "microaneurysms.png",
    "moon.png",
    "motorcycle_left.png",
    "motorcycle_right.png",
    "page.png",
    "retina.jpg",
    "rocket.jpg",
    "text.png",
]

# Classifier shape (see the module docstring).  Logits of a calibration photo:
# its own class TOP_LOGIT_RANGE, four more classes below it, and background
# classes ~ N(0, BACKGROUND_STD^2), well under the fifth designed class.
TOP_LOGIT_RANGE = (9.0, 11.0)
FIRST_GAP_RANGE = (0.2, 3.0)   # top-1 minus top-2: sets the top-1 probability
LATER_GAP_RANGE = (0.1, 0.8)   # gaps between ranks 2..5
BACKGROUND_STD = 0.8

# Acceptance limits for the generated model.
MIN_DISTINCT_TOP1 = 8
PROB_RANGE = (0.05, 0.95)
MIN_MARGIN_RATIO = 2.0         # top-1 margin / its change under +-1/255


def model_paths(outdir):
    base = Path(outdir) / MODEL_BASENAME
    return {
        "pth": base.with_suffix(".pth"),
        "json": base.with_suffix(".json"),
        "pt": base.with_suffix(".pt"),
    }


def metadata(name):
    return {
        "name": name,
        "architecture": "inception_v3",
        "trained": False,
        "input_size": INPUT_SIZE,
        "resize_size": RESIZE_SIZE,
        "mean": MEAN,
        "std": STD,
    }


def skimage_data_dir():
    # find_spec locates the package without importing it (importing skimage
    # costs time and drags in scipy).
    spec = importlib.util.find_spec("skimage")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0]) / "data"
    return Path("/usr/lib/python3/dist-packages/skimage/data")


def photo_paths():
    data = skimage_data_dir()
    paths = [data / name for name in PHOTOS]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit("make_test_model: scikit-image sample photos missing "
                 "(install python3-skimage): " + ", ".join(missing))
    return paths


def reference_transform():
    # torchvision's ImageNet evaluation preprocessing for Inception-v3, on PIL
    # images (so Resize is PIL's antialiased bilinear filter).
    return transforms.Compose([
        transforms.Resize(RESIZE_SIZE),
        transforms.CenterCrop(INPUT_SIZE),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])


def load_photos(paths):
    tf = reference_transform()
    tensors = []
    for path in paths:
        with Image.open(path) as im:
            tensors.append(tf(ImageOps.exif_transpose(im).convert("RGB")))
    return torch.stack(tensors)


def read_labels():
    labels = LABELS_FILE.read_text(encoding="utf-8").splitlines()
    if len(labels) != NUM_CLASSES or any(not l.strip() for l in labels):
        sys.exit(f"make_test_model: {LABELS_FILE} must hold {NUM_CLASSES} "
                 f"non-empty lines, has {len(labels)}")
    return labels


def new_inception(transform_input):
    # init_weights=False: every tensor is overwritten below, so skip
    # torchvision's slow truncated-normal init.
    return torchvision.models.inception_v3(
        weights=None, aux_logits=True, init_weights=False,
        transform_input=transform_input)


def init_trunk(state, rs):
    """He-normal convolutions, identity batch-norm, small random aux fc."""
    for key, tensor in state.items():
        if key.endswith("conv.weight"):
            out_ch, in_ch, kh, kw = tensor.shape
            std = np.sqrt(2.0 / (in_ch * kh * kw))
            values = rs.standard_normal(tensor.shape) * std
            tensor.copy_(torch.from_numpy(values))
        elif key.endswith(("bn.weight", "bn.running_var")):
            tensor.fill_(1.0)
        elif key.endswith(("bn.bias", "bn.running_mean", "num_batches_tracked")):
            tensor.zero_()
        elif key == "AuxLogits.fc.weight":
            # Only the shapes matter: AuxLogits never runs in eval mode.
            tensor.copy_(torch.from_numpy(rs.standard_normal(tensor.shape) * 0.01))
        elif key == "AuxLogits.fc.bias":
            tensor.zero_()
        elif key.startswith("fc."):
            pass  # calibrated later
        else:
            raise RuntimeError(f"make_test_model: unexpected state_dict key {key}")


@torch.no_grad()
def pooled_features(model, x, batch=21):
    """The 2048-d input of model.fc, in float64."""
    saved_fc = model.fc
    model.fc = torch.nn.Identity()
    try:
        return torch.cat([model(x[i:i + batch]) for i in range(0, len(x), batch)]
                         ).double().numpy()
    finally:
        model.fc = saved_fc


def design_classifier(features, rs):
    """fc weight and bias (float64) from the calibration photos' features.

    See the module docstring for the idea."""
    n = len(features)
    mu = features.mean(axis=0)
    d = features - mu
    gram = d @ d.T
    # Pseudo-inverse of the (rank n-1) Gram matrix; dropping the null space
    # (the all-ones direction, removed by centring) keeps this basis-free.
    eigval, eigvec = np.linalg.eigh(gram)
    keep = eigval > 1e-9 * eigval.max()
    if keep.sum() < n - 1:
        raise RuntimeError("make_test_model: calibration photos' features are "
                           "linearly dependent; the trunk is degenerate")
    gram_pinv = (eigvec[:, keep] / eigval[keep]) @ eigvec[:, keep].T
    to_photo_coords = np.sqrt(n - 1) * gram_pinv @ d          # n x 2048
    u = d @ to_photo_coords.T                                # simplex vertices

    # Background classes: N(0, BACKGROUND_STD^2) logits on calibration photos
    # (u_i has squared norm ~ n-1 in the n-1 dimensional photo space).
    v = rs.standard_normal((NUM_CLASSES, n)) * (BACKGROUND_STD / np.sqrt(n - 1))
    designed = rs.choice(NUM_CLASSES, size=(n, 5), replace=False)
    top = rs.uniform(*TOP_LOGIT_RANGE, size=n)
    for i in range(n):
        gaps = np.concatenate([[0.0], rs.uniform(*FIRST_GAP_RANGE, size=1),
                               rs.uniform(*LATER_GAP_RANGE, size=3)])
        for rank, cls in enumerate(designed[i]):
            # Scores `logit` on photo i and -logit/(n-1) on the other photos.
            logit = top[i] - gaps[:rank + 1].sum()
            v[cls] = logit * u[i] / (u[i] @ u[i])
    weight = v @ to_photo_coords
    bias = -weight @ mu
    return weight, bias


def softmax(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def perturbations(x, rs):
    """Inputs moved by +-1/255 in pixel units: uniform shifts and random signs.

    A correct C++ pipeline differs from PIL by at most this much per value
    (usually far less), so the test model must not change its mind here."""
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    pixels = x * std + mean
    deltas = {
        "+1/255": torch.full_like(x, 1 / 255),
        "-1/255": torch.full_like(x, -1 / 255),
    }
    for k in range(2):
        signs = rs.randint(0, 2, size=x.shape) * 2 - 1
        deltas[f"random +-1/255 #{k + 1}"] = torch.from_numpy(signs / 255).float()
    # Clamp: a real decoder cannot produce values outside [0, 1].
    return {name: ((pixels + delta).clamp(0, 1) - mean) / std
            for name, delta in deltas.items()}


def evaluate(names, labels, base_logits, perturbed_logits):
    """Print per-photo statistics, return the list of failed requirements."""
    top1 = base_logits.argmax(axis=1)
    probs = softmax(base_logits)
    top5 = np.argsort(-base_logits, axis=1)[:, :5]
    failures = []
    ratios, stable, stable5 = [], [], []
    print(f"{'photo':24s} {'top-1':>5s} {'p(top-1)':>8s} {'margin':>6s} "
          f"{'ratio':>6s}  stable  top-5 stable  label")
    for i, name in enumerate(names):
        t = top1[i]
        # For every rival class c: how far it is below top-1, and how much
        # that gap moved under the worst perturbation.
        gap = base_logits[i, t] - base_logits[i]
        moved = np.max([np.abs((p[i, t] - p[i]) - gap) for p in perturbed_logits], axis=0)
        gap[t] = np.inf
        ratio = float(np.min(gap / np.maximum(moved, 1e-12)))
        ok = all(p[i].argmax() == t for p in perturbed_logits)
        ok5 = all(set(np.argsort(-p[i])[:5]) == set(top5[i]) for p in perturbed_logits)
        ratios.append(ratio)
        stable.append(ok)
        stable5.append(ok5)
        margin = np.sort(base_logits[i])[-1] - np.sort(base_logits[i])[-2]
        print(f"{name:24s} {t:5d} {probs[i, t]:8.3f} {margin:6.2f} {ratio:6.1f}  "
              f"{'yes' if ok else 'NO':6s}  {'yes' if ok5 else 'no':12s}  {labels[t]}")

    pmax = probs.max(axis=1)
    distinct = len(set(top1.tolist()))
    n = len(names)
    print()
    print(f"stability: top-1 unchanged under all {len(perturbed_logits)} "
          f"+-1/255 perturbations on {sum(stable)}/{n} photos; worst "
          f"margin/change ratio {min(ratios):.1f} (median {np.median(ratios):.1f})")
    print(f"top-5 set unchanged under all perturbations on {sum(stable5)}/{n} photos")
    print(f"distinct top-1 classes: {distinct} over {n} photos")
    print(f"max softmax probability: {pmax.min():.3f} .. {pmax.max():.3f} "
          f"(median {np.median(pmax):.3f})")
    print(f"logits: std across classes {base_logits.std(axis=1).mean():.2f}, "
          f"range {base_logits.min():.2f} .. {base_logits.max():.2f}")

    if not all(stable):
        failures.append("top-1 changes under +-1/255 on "
                        + ", ".join(nm for nm, ok in zip(names, stable) if not ok))
    if min(ratios) < MIN_MARGIN_RATIO:
        failures.append(f"top-1 margin only {min(ratios):.2f}x its change under "
                        f"+-1/255 (need {MIN_MARGIN_RATIO})")
    if distinct < MIN_DISTINCT_TOP1:
        failures.append(f"only {distinct} distinct top-1 classes (need {MIN_DISTINCT_TOP1})")
    if pmax.min() < PROB_RANGE[0] or pmax.max() > PROB_RANGE[1]:
        failures.append(f"max probabilities {pmax.min():.3f}..{pmax.max():.3f} "
                        f"outside {PROB_RANGE}")
    return failures


class LogitsOnly(torch.nn.Module):
    """Pins the TorchScript interface to `forward(x) -> N x 1000 logits`."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return self.net(x)


class StagingDir:
    """Files are written into OUTDIR/.staging-PID and renamed into OUTDIR.

    An interrupted run so never leaves a truncated file that --if-stale would
    take as up to date.  The staging files keep their final names because
    torch.save and torch.jit.save name the archive's top directory after the
    file, which must not vary from run to run."""

    def __init__(self, outdir):
        self.outdir = Path(outdir)
        self.path = self.outdir / f".staging-{os.getpid()}"

    def __enter__(self):
        self.path.mkdir(parents=True, exist_ok=True)
        return self

    def file(self, final_path):
        return self.path / Path(final_path).name

    def commit(self, final_path):
        os.replace(self.file(final_path), final_path)

    def __exit__(self, *exc):
        for leftover in self.path.iterdir():
            leftover.unlink()
        self.path.rmdir()


def is_up_to_date(paths):
    inputs = [SCRIPT, LABELS_FILE]
    try:
        oldest_output = min(p.stat().st_mtime for p in paths.values())
    except FileNotFoundError:
        return False
    return oldest_output >= max(p.stat().st_mtime for p in inputs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", help="directory to write the model files into")
    parser.add_argument("--if-stale", action="store_true",
                        help="do nothing if the outputs exist and are newer than "
                             "this script and the label file")
    args = parser.parse_args()

    paths = model_paths(args.outdir)
    if args.if_stale and is_up_to_date(paths):
        print(f"make_test_model: {args.outdir}: up to date")
        return 0

    t_start = time.monotonic()
    torch.set_grad_enabled(False)
    labels = read_labels()
    names = PHOTOS
    x = load_photos(photo_paths())

    # The state_dict does not depend on transform_input, so one network
    # serves for computing (True, as torchvision's pretrained model runs) and
    # for the .pth; the .pt gets a fresh copy below.
    net = new_inception(transform_input=True).eval()
    state = net.state_dict()
    init_trunk(state, np.random.RandomState(SEED))

    def progress(what):
        print(f"[{time.monotonic() - t_start:5.1f} s] {what}", flush=True)

    progress(f"features of {len(names)} photos")
    features = pooled_features(net, x)
    weight, bias = design_classifier(features, np.random.RandomState(SEED + 1))
    state["fc.weight"].copy_(torch.from_numpy(weight))
    state["fc.bias"].copy_(torch.from_numpy(bias))

    perturbed = perturbations(x, np.random.RandomState(SEED + 2))
    base_logits = features @ weight.T + bias
    perturbed_logits = []
    for name, xp in perturbed.items():
        progress(f"features of the photos perturbed by {name}")
        perturbed_logits.append(pooled_features(net, xp) @ weight.T + bias)
    progress("statistics")
    print()
    failures = evaluate(names, labels, base_logits, perturbed_logits)

    # Key list and shapes must be those of torchvision's inception_v3 with
    # aux logits, i.e. of the official inception_v3_google-0cc3c7bd.pth; the
    # .pth is saved from a transform_input=False network as specified.
    plain = new_inception(transform_input=False)
    plain.load_state_dict(state, strict=True)
    plain_state = plain.state_dict()
    reference = new_inception(transform_input=False).state_dict()
    if ([(k, v.shape, v.dtype) for k, v in plain_state.items()]
            != [(k, v.shape, v.dtype) for k, v in reference.items()]):
        failures.append("state_dict keys/shapes differ from inception_v3(aux_logits=True)")
    if not any(k.startswith("AuxLogits.") for k in plain_state):
        failures.append("state_dict lacks AuxLogits.*")

    progress("checks and TorchScript trace")
    traced_net = new_inception(transform_input=True)
    traced_net.load_state_dict(state, strict=True)
    wrapper = LogitsOnly(traced_net).eval()
    # check_trace would re-run and re-trace the network (20 s); the check
    # below covers what matters.
    traced = torch.jit.trace(wrapper, x[:2], check_trace=False)
    # The statistics above used float64 logits computed from the features.
    # The traced float32 network, fed a batch size it was not traced with,
    # must agree: this checks fc wiring, state_dict loading and the trace.
    worst = np.abs(traced(x[:3]).double().numpy() - base_logits[:3]).max()
    if worst > 1e-3:
        failures.append(f"TorchScript logits differ from the designed ones by {worst:g}")

    if failures:
        print("\nmake_test_model: the generated model is unfit for the tests:",
              file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        return 1

    progress("saving")
    labels_txt = "\n".join(labels) + "\n"
    sidecar = metadata("Inception-v3 test model (random weights)")
    embedded = metadata("Inception-v3 test model (random weights, TorchScript)")
    with StagingDir(args.outdir) as staging:
        torch.save(plain_state, staging.file(paths["pth"]))
        staging.file(paths["json"]).write_text(
            json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
        torch.jit.save(traced, str(staging.file(paths["pt"])), _extra_files={
            "labels.txt": labels_txt,
            "taglens.json": json.dumps(embedded, indent=2) + "\n",
        })
        for kind in ("pth", "json", "pt"):
            staging.commit(paths[kind])

    print()
    for p in paths.values():
        print(f"wrote {p} ({p.stat().st_size} bytes)")
    print(f"make_test_model: done in {time.monotonic() - t_start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
