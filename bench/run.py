"""Run the benchmarks and print their tables.

    python -m bench.run            # everything, full size
    python -m bench.run --quick    # smaller sizes, for a quick look
    python -m bench.run library    # only the named benchmarks

Exit status 1 when a figure misses its target, so a CI job could watch it.
"""

from __future__ import annotations

import argparse
import importlib
import sys

BENCHMARKS = {
    "library": "bench.library_bench",
    "runtime": "bench.runtime_bench",
    "chat": "bench.chat_bench",
    "preview": "bench.preview_bench",
    "tui": "bench.tui_bench",
    "live": "bench.live_data_bench",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})"
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args(argv)
    missed = []
    for name in args.names or list(BENCHMARKS):
        module = importlib.import_module(BENCHMARKS[name])
        for row in module.run(quick=args.quick):
            if row.ok is False:
                missed.append(f"{name}: {row.name} (target {row.target})")
    if missed:
        print("\nMissed targets:\n  " + "\n  ".join(missed))
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
