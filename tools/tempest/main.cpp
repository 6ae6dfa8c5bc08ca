// The `tempest` executable: everything happens in run_tempest_tool (src/tool/).

#include <iostream>
#include <string>
#include <vector>

#include "tempest/tool.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return tempest::run_tempest_tool(args, std::cout, std::cerr);
}
