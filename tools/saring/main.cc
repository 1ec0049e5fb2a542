#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
  std::fprintf(stderr, "saring %s: no commands wired yet\n", SARING_VERSION);
  return 2;
}
