"""``train --continue-from`` with a crafted model file: one line naming it, exit 2, nothing written."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from w2v_desktop.core.config import TrainConfig

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "w2v_desktop" / "resources" / "samples" / "sample_corpus.txt"


def crafted_model(path: Path, syn1neg_shape: tuple[int, int]) -> Path:
    """A model of three words whose negative-sampling layer has the given shape."""
    meta = {"format": "w2v-desktop-model", "version": 1, "words": ["paris", "france", "rome"],
            "config": TrainConfig(dim=10, min_count=1).to_dict(), "epochs_trained": 1, "source": ""}
    np.savez(path, meta_json=np.frombuffer(json.dumps(meta).encode(), np.uint8),
             syn0=np.zeros((3, 10), np.float32), counts=np.array([3, 2, 1]),
             syn1neg=np.zeros(syn1neg_shape, np.float32))
    return path


# fewer rows crashed the kernels; more columns wrote out of bounds and exited 0
@pytest.mark.parametrize("shape", [(1, 10), (3, 64)], ids=["fewer rows", "more columns"])
def test_continue_from_a_crafted_model_exits_2_with_one_line(tmp_path, shape):
    bad = crafted_model(tmp_path / "bad.npz", shape)
    out = tmp_path / "out.txt"
    result = subprocess.run([sys.executable, "-m", "w2v_desktop", "train", str(SAMPLE), "-o", str(out),
                             "--continue-from", str(bad), "--quiet"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "syn1neg has shape" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
