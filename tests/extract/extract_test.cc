#include <gtest/gtest.h>

#include "saring/extract.h"

TEST(Extract, StageNames) {
  EXPECT_EQ(saring::extract::to_string(saring::extract::Stage::main), "main");
}
