"""The README's Python example runs and prints what the README says it prints."""
import pathlib
import re
import subprocess
import sys

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_example():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "no python block in README.md"
    out = subprocess.run([sys.executable, "-c", blocks[0]], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    # the README's comments state the output; check each stated line appears
    for expected in re.findall(r"print\(.*\)\s+# (.+)", blocks[0]):
        assert expected.strip() in out.stdout, (expected, out.stdout)
