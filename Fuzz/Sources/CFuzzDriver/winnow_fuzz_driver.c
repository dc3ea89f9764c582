#include "winnow_fuzz_driver.h"

/* libFuzzer's entry point for programs that have their own main (libclang_rt.fuzzer). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int winnow_fuzz_run(int argc, char **argv, winnow_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
