"""The `saring` command of the Python package: runs the saring binary the
package carries (saring/bin/saring), which finds the packaged model in
saring/data/ next to it."""

import os
import sys


def main() -> None:
    binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "saring")
    if not os.access(binary, os.X_OK):
        sys.exit(f"saring: no command at {binary}: this saring package was built without it "
                 "(pip install builds it; PYTHONPATH=build/python does not)")
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
