#!/usr/bin/env bash
# The bench's own setup: Debian's PyTorch for the reference rows. Installs python3-torch with apt
# when it is missing and we are root; otherwise says why and lets the bench skip the torch rows.
set -u
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c "import torch" 2>/dev/null; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "bench setup: PyTorch missing and cannot apt-get install python3-torch here (need root and apt)" >&2
  exit 1
fi
echo "bench setup: installing Debian's python3-torch (one time) ..." >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch) >&2 || exit 1
"$PY" -c "import torch" 2>/dev/null
