// The command line: `cohort [serve|migrate|version|help] [flags]`. Each verb has --help; flags
// override the environment; invalid configuration exits with status 2 and one clear line.
#pragma once

namespace cohort::runtime {

// Exit statuses: 0 success, 1 failure at run time, 2 invalid configuration or usage.
int run_cli(int argc, char** argv);

}  // namespace cohort::runtime
