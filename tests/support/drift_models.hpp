#pragma once

// Models and migrations shared by the drift tests of both engines: a blog whose posts gain a
// `published` flag in the second version.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tempest/diff.hpp"
#include "tempest/migration.hpp"
#include "tempest/model.hpp"

namespace tempest::testing::drift {

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> name;
};

struct Post {
  std::int64_t id;
  std::int64_t user_id;
  std::string title;
  bool published;
};

inline Schema models_v1() {
  using namespace tempest::model;
  return reflect_schema(table<User>("users", column("id", &User::id).primary_key().identity(),
                                    column("email", &User::email).type(varchar(255)).unique(),
                                    column("name", &User::name)),
                        table<Post>("posts", column("id", &Post::id).primary_key().identity(),
                                    column("user_id", &Post::user_id).references(&User::id).index(),
                                    column("title", &Post::title)));
}

inline Schema models_v2() {
  using namespace tempest::model;
  return reflect_schema(table<User>("users", column("id", &User::id).primary_key().identity(),
                                    column("email", &User::email).type(varchar(255)).unique(),
                                    column("name", &User::name)),
                        table<Post>("posts", column("id", &Post::id).primary_key().identity(),
                                    column("user_id", &Post::user_id).references(&User::id).index(),
                                    column("title", &Post::title),
                                    column("published", &Post::published).default_value(false)));
}

inline Migration init_migration() {
  return make_migration("0001_init", {}, "create users and posts",
                        diff_schema(empty_schema(), models_v1()));
}

inline Migration published_migration() {
  return make_migration("0002_post_published", {"0001_init"}, "add published to posts",
                        diff_schema(models_v1(), models_v2()));
}

}  // namespace tempest::testing::drift
