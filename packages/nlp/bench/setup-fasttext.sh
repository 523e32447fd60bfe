#!/usr/bin/env bash
# The embeddings evaluation's own setup: Debian's fastText for the anchor column. Installs the
# `fasttext` package with apt when it is missing and we are root; otherwise says why and lets the
# evaluation skip the fastText column (as apps/demo-cli/bench/setup-torch.sh does for PyTorch).
set -u
if command -v fasttext >/dev/null; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "embeddings bench setup: fasttext missing and cannot apt-get install it here (need root and apt)" >&2
  exit 1
fi
echo "embeddings bench setup: installing Debian's fasttext (one time) ..." >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fasttext) >&2 || exit 1
command -v fasttext >/dev/null
