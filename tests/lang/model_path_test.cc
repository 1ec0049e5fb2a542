// Where the model is looked for: SARING_LID_MODEL, then an embedder's path,
// then next to the executable (tests/install checks that with installed
// binaries), then the build's data directory.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "saring/lang.h"

namespace saring {
namespace {

// Sets or unsets SARING_LID_MODEL for one test, and puts it back.
class ModelEnv {
 public:
  explicit ModelEnv(std::optional<std::string> value) {
    if (const char* old = std::getenv("SARING_LID_MODEL")) saved_ = old;
    if (value) ::setenv("SARING_LID_MODEL", value->c_str(), 1);
    else ::unsetenv("SARING_LID_MODEL");
  }
  ~ModelEnv() {
    if (saved_) ::setenv("SARING_LID_MODEL", saved_->c_str(), 1);
    else ::unsetenv("SARING_LID_MODEL");
    lang::set_default_model_path("");
  }

 private:
  std::optional<std::string> saved_;
};

TEST(ModelPath, BuildDataDirWithoutOverrides) {
  ModelEnv env(std::nullopt);
  EXPECT_EQ(lang::default_model_path(), std::string(SARING_DATA_DIR) + "/lid.176.ftz");
}

TEST(ModelPath, EmbedderPathBeforeTheBuildDataDir) {
  ModelEnv env(std::nullopt);
  lang::set_default_model_path("/opt/embedder/lid.176.ftz");
  EXPECT_EQ(lang::default_model_path(), "/opt/embedder/lid.176.ftz");
  lang::set_default_model_path("");
  EXPECT_EQ(lang::default_model_path(), std::string(SARING_DATA_DIR) + "/lid.176.ftz");
}

TEST(ModelPath, EnvironmentWinsOverEverything) {
  ModelEnv env("/elsewhere/model.ftz");
  lang::set_default_model_path("/opt/embedder/lid.176.ftz");
  EXPECT_EQ(lang::default_model_path(), "/elsewhere/model.ftz");
}

}  // namespace
}  // namespace saring
