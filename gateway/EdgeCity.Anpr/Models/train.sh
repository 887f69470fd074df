#!/usr/bin/env bash
# Makes exactly the glyph models committed beside this script (kr.yml.gz, eu.yml.gz and their .labels.txt) from
# simulated scenes the repository renders (seed 1000; the benchmark uses seed 1). Deterministic: seeded scenes, one
# OpenCV thread, OpenCV ml's fixed initial weights. Run from anywhere; then rebuild (the models are embedded) and
# compare with `sha256sum -c gateway/EdgeCity.Anpr/Models/SHA256SUMS`. Takes ~5 minutes on this machine. See docs/anpr.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./edgecity anpr train --region kr --scenes 3000 --seed 1000 --iterations 40 --out gateway/EdgeCity.Anpr/Models
./edgecity anpr train --region eu --scenes 1500 --seed 1000 --iterations 40 --out gateway/EdgeCity.Anpr/Models
