// Entry point of the `cohort` executable: hands the command line to the verb dispatcher.
// (Not CAF_MAIN: CAF 0.17 ignores caf_main's return value, and our exit codes matter.)
#include "runtime/cli.hpp"

int main(int argc, char** argv) {
  return cohort::runtime::run_cli(argc, argv);
}
