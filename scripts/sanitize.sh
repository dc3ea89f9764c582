#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer, each in its own
# build folder (.build-asan, .build-tsan), and fails if either fails.
#
#   scripts/sanitize.sh            # both
#   scripts/sanitize.sh address    # one of them (address | thread)
#
# The CLI tests run the `winnow` binary built beside the test bundle, so it is instrumented
# too (and inherits ASAN_OPTIONS / LSAN_OPTIONS / TSAN_OPTIONS). Reports that come from the
# toolchain's own libraries rather than from Winnow are suppressed in
# scripts/lsan-suppressions.txt and scripts/tsan-suppressions.txt, each with the reason;
# nothing of Winnow's is. Sanitized code runs several times slower, so the fault
# tests strike fewer times (WINNOW_TEST_KILLS) and the long-line test reads a shorter line
# (WINNOW_TEST_LONG_LINE_MB); their timing adapts to the slower binary on its own.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
export WINNOW_TEST_KILLS="${WINNOW_TEST_KILLS:-10}"
export WINNOW_TEST_LONG_LINE_MB="${WINNOW_TEST_LONG_LINE_MB:-4}"

sanitizers=("${@:-address thread}")
read -r -a sanitizers <<< "${sanitizers[*]}"
failed=()
for s in "${sanitizers[@]}"; do
  case "$s" in
    address)
      scratch=.build-asan
      # Leak checking stays on: a leak report fails the run like any other (toolchain leaks
      # are suppressed in scripts/lsan-suppressions.txt, each with its reason).
      export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=86${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
      export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
      ;;
    thread)
      scratch=.build-tsan
      export TSAN_OPTIONS="suppressions=$PWD/scripts/tsan-suppressions.txt:halt_on_error=0:exitcode=66:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
      ;;
    *) echo "unknown sanitizer: $s (address | thread)" >&2; exit 64 ;;
  esac
  log="$scratch/sanitize.log"
  mkdir -p "$scratch"
  start=$SECONDS
  echo "== swift test --sanitize=$s --scratch-path $scratch (log: $log)"
  swift test --sanitize="$s" --scratch-path "$scratch" >"$log" 2>&1
  code=$?
  # Reports of the winnow children appear indented inside the failing tests' messages.
  reports=$(grep -c -E "^[[:space:]]*(==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer)" "$log")
  elapsed=$((SECONDS - start))
  grep -E "^(✔|✘) Test run|Executed .* tests" "$log" | tail -n 2
  if [ "$code" -ne 0 ] || [ "$reports" -ne 0 ]; then
    echo "== $s: FAILED (exit $code, $reports sanitizer reports) in ${elapsed} s; see $log" >&2
    grep -E -A12 "^[[:space:]]*(==[0-9]+==ERROR|WARNING: ThreadSanitizer)" "$log" | head -n 80 >&2
    failed+=("$s")
  else
    echo "== $s: passed, no sanitizer reports, in ${elapsed} s"
  fi
done
if [ "${#failed[@]}" -ne 0 ]; then
  echo "sanitizers failed: ${failed[*]}" >&2
  exit 1
fi
echo "sanitizers passed: ${sanitizers[*]}"
