"""One waiver for every failure with a 1 MB reason, on 15,000 failing findings: each finding
used to copy the reason (5.6 GB at N=300)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "support"))
import engine_workload  # noqa: E402

engine_workload.write(sys.argv[1], 3000)
Path(sys.argv[1], "input.yaml").write_text(
    'waivers:\n  - rule: "*"\n    reason: "%s"\n    owner: x\n    expires: 2099-12-31\n'
    % ("理" * 333_333), encoding="utf-8")
