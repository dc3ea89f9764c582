#include "winnow_zlib.h"
#include <zlib.h>
