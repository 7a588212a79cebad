#!/bin/sh
# Run one harness with the settings documented in fuzz/README.md:  fuzz/run.sh NAME [RUNS]
# NAME is a format (x12-309, cargo-xml, ...) or "sniff"; RUNS defaults to 1000000. Corpus and crash artifacts are kept
# under $FUZZ_WORK (default /tmp/manifest-fuzz), outside the checkout; extra arguments after RUNS go to libFuzzer.
set -eu
name=$1
runs=${2:-1000000}
[ $# -ge 2 ] && shift 2 || shift $#
work=${FUZZ_WORK:-/tmp/manifest-fuzz}
here=$(cd "$(dirname "$0")" && pwd)
module=fuzz_$(echo "$name" | tr - _)
case $name in
    x12-309 | x12-358) dict=x12; max_len=4096 ;;
    cuscar) dict=edifact; max_len=8192 ;;
    cargo-imp) dict=cargo_imp; max_len=4096 ;;
    cargo-xml | carta-porte | manifest-xml | manifest-json) dict=$(echo "$name" | tr - _); max_len=16384 ;;
    sniff) dict=all; max_len=16384 ;;
    *) echo "unknown harness $name" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus/$name" "$work/artifacts/$name"
if [ "$dict" = all ]; then
    cat "$here"/dictionaries/*.dict > "$work/all.dict"
    dict_path=$work/all.dict
else
    dict_path=$here/dictionaries/$dict.dict
fi
cd "$here/.."
python -m fuzz.corpus "$name" "$work/corpus/$name"
exec nice -n 10 python -m "fuzz.$module" "$work/corpus/$name" \
    -dict="$dict_path" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -runs="$runs" \
    -artifact_prefix="$work/artifacts/$name/" -print_final_stats=1 "$@"
