"""Runs promtool with the arguments given (python3 run_promtool.py check rules alerts.yml), or says how
to install it when it is missing, so a check's failure names the real problem."""
import os
import shutil
import subprocess
import sys

INSTALL = ("promtool is not installed here. It ships with Prometheus: on Debian or Ubuntu run "
           "'sudo apt-get install prometheus' (it brings /usr/bin/promtool); elsewhere download the release "
           "archive from https://prometheus.io/download/ and put promtool on the PATH, or set PROMTOOL to its path.")


def main(argv):
    tool = os.environ.get("PROMTOOL") or shutil.which("promtool")
    if not tool:
        print(INSTALL, flush=True)
        return 127
    return subprocess.call([tool, *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
