#!/usr/bin/env bash
# Installs every Debian (bookworm) package the edge-inference module needs.
# Idempotent; run as root (or with sudo available). Downloads nothing but
# Debian packages.
#
#   scripts/install-deps.sh            build + tests + simulator
#   EDGE_INFERENCE_NO_TORCH=1 ...      skip LibTorch (the profiler tool)
set -euo pipefail

packages=(
  # ns-3 3.37: headers, libraries, CMake package. 'ns3' ships the helper
  # binaries (raw-sock-creator, ...) that the CMake package checks for.
  libns3-dev ns3
  # Referenced by ns-3's CMake targets without package dependencies.
  libgsl-dev libsqlite3-dev libxml2-dev libpython3-dev
  # Build tools and header-only libraries used by the module.
  cmake g++ make python3 libboost-dev nlohmann-json3-dev
  # Plots of the experiments.
  gnuplot-nox
  # Fuzzing (scripts/run-fuzz-smoke.sh): clang with libFuzzer and the
  # sanitizer runtimes.
  clang libclang-rt-14-dev
  # The API documentation check (scripts/check-doxygen.sh).
  doxygen
)
# scripts/check-style.sh fetches clang-format 20 with npm; the machines here
# come with node and npm, elsewhere Debian's npm brings both.
if ! command -v npm >/dev/null; then
  packages+=(npm)
fi
if [ -z "${EDGE_INFERENCE_NO_TORCH:-}" ]; then
  # The profiler: LibTorch (CPU), a fast BLAS, and the Fashion-MNIST data;
  # python3-torch scripts the small TorchScript model its tests load.
  packages+=(libtorch-dev libopenblas0-openmp dataset-fashion-mnist python3-torch)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
