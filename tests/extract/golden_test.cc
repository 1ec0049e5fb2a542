#include <gtest/gtest.h>

#include "saring/extract.h"
