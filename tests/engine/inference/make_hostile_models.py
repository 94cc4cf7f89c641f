#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes broken and hostile model files for tst_torchclassifier into OUTDIR.

Each is a real PyTorch archive that is wrong in one way a user could meet (or an attacker
could craft): a state_dict missing a layer, one with a wrong shape, one whose pickle calls
os.system, a TorchScript module without labels, one whose labels do not match its outputs,
ones that only run on plain (not channels-last) tensors.
Run with Debian's /usr/bin/python3 (python3-torch).
"""
import collections
import json
import os
import pickle
import sys
import zipfile

import torch


class Evil:
    """Unpickling this would run a shell command: the loader must refuse, not execute."""

    def __reduce__(self):
        return (os.system, ("touch /tmp/taglens-pwned",))


class PlainWeightsNet(torch.nn.Module):
    """Reads its convolution weight through view(), which only the plain (NCHW) layout allows."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)

    def forward(self, x):
        w = self.conv.weight.view(4, 27).view(4, 3, 3, 3)
        return torch.nn.functional.conv2d(x, w, self.conv.bias).mean(dim=(2, 3))


class PlainInputNet(torch.nn.Module):
    """Flattens its input with view(), which fails on a channels-last input at run time."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)
        self.fc = torch.nn.Linear(3 * 16 * 16, 4)

    def forward(self, x):
        return self.fc(x.view(x.size(0), -1)) + self.conv(x).mean(dim=(2, 3))


class TinyNet(torch.nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.fc = torch.nn.Linear(3, classes)

    def forward(self, x):
        return self.fc(x.mean(dim=(2, 3)))


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(1)

    # A state_dict that is not Inception-v3 at all.
    torch.save(collections.OrderedDict(fc=torch.zeros(2)), os.path.join(outdir, "not_inception.pth"))

    # Inception-shaped keys, but one convolution has the wrong rank.
    sd = collections.OrderedDict()
    sd["Conv2d_1a_3x3.conv.weight"] = torch.zeros(32, 3, 3)
    torch.save(sd, os.path.join(outdir, "wrong_rank.pth"))

    # A pickle that would run os.system if unpickled naively, inside a torch archive.
    with zipfile.ZipFile(os.path.join(outdir, "evil.pth"), "w") as z:
        z.writestr("evil/data.pkl", pickle.dumps(collections.OrderedDict(x=Evil()), protocol=2))
        z.writestr("evil/version", "3\n")

    # TorchScript without labels, and one whose labels do not match its outputs.
    scripted = torch.jit.script(TinyNet(4).eval())
    scripted.save(os.path.join(outdir, "no_labels.pt"))
    scripted.save(os.path.join(outdir, "label_mismatch.pt"),
                  _extra_files={"labels.txt": "a\nb\n", "taglens.json": '{"input_size": 32, "resize_size": 36}'})
    # A good tiny TorchScript classifier with its labels beside it (sidecar files).
    scripted.save(os.path.join(outdir, "tiny_sidecar.pt"))
    with open(os.path.join(outdir, "tiny_sidecar.labels.txt"), "w") as f:
        f.write("red\ngreen\nblue\ngrey\n")
    with open(os.path.join(outdir, "tiny_sidecar.json"), "w") as f:
        f.write('{"name": "tiny", "trained": false, "input_size": 32, "resize_size": 36}')
    # Hostile metadata: wrong types.
    scripted.save(os.path.join(outdir, "bad_metadata.pt"),
                  _extra_files={"labels.txt": "a\nb\nc\nd\n", "taglens.json": '{"input_size": "huge"}'})

    # Classifiers that only run in the plain layout; the loader must fall back to it. Each comes
    # with its logits for an input of all 0.5 so the test can check the fallback computes them.
    for name, net in (("plain_weights", PlainWeightsNet()), ("plain_input", PlainInputNet())):
        scripted = torch.jit.script(net.eval())
        with torch.no_grad():
            logits = scripted(torch.full((1, 3, 16, 16), 0.5))[0].tolist()
        scripted.save(os.path.join(outdir, name + ".pt"),
                      _extra_files={"labels.txt": "a\nb\nc\nd\n",
                                    "taglens.json": '{"input_size": 16, "resize_size": 16}'})
        with open(os.path.join(outdir, name + ".logits.json"), "w") as f:
            json.dump(logits, f)
    print("wrote hostile models to", outdir)


if __name__ == "__main__":
    main(sys.argv[1])
