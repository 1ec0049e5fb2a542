#include <gtest/gtest.h>

#include "saring/html.h"
#include "saring/utf8.h"

using namespace saring;
using namespace saring::html;

TEST(Decode, Utf8PassesThrough) {
  DecodedText d = decode_to_utf8("<p>café</p>");
  EXPECT_EQ(d.utf8, "<p>café</p>");
  EXPECT_EQ(d.invalid_bytes, 0u);
}
