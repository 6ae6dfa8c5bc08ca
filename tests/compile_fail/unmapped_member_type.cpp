// Must not compile: a member whose C++ type has no SQL type.
#include "tempest/model.hpp"

struct Widget { std::int64_t id; void* handle; };

int main() {
  using namespace tempest::model;
  auto widgets = table<Widget>("widgets", column("id", &Widget::id).primary_key(),
                               column("handle", &Widget::handle));
  (void)widgets;
}
