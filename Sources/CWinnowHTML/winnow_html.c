#include "winnow_html.h"
#include <libxml/HTMLparser.h>
