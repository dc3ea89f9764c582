#ifndef WINNOW_FUZZ_DRIVER_H
#define WINNOW_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One libFuzzer input: returns 0 (libFuzzer ignores other values).
typedef int (*winnow_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (command-line flags, corpus, mutation loop) on `callback`; returns the
/// process exit code. SwiftPM names an executable's entry point itself, so the fuzz targets
/// start libFuzzer from their own `main` instead of linking libFuzzer's.
int winnow_fuzz_run(int argc, char **argv, winnow_fuzz_callback callback);

#endif
