#pragma once

// The blog's models, in two versions: the first release, and the next one where Post gains
// a `published` flag. A real application has one version, edited in place; the walkthrough
// keeps both to show each step of the workflow.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "tempest/model.hpp"

namespace blog {

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> name;
};

inline auto user_model() {
  using namespace tempest::model;
  return table<User>("users", column("id", &User::id).primary_key().identity(),
                     column("email", &User::email).type(varchar(255)).unique(),
                     column("name", &User::name));
}

namespace v1 {
struct Post {
  std::int64_t id;
  std::int64_t user_id;
  std::string title;
  std::chrono::sys_seconds created_at;
};

inline auto post_model() {
  using namespace tempest::model;
  return table<Post>("posts", column("id", &Post::id).primary_key().identity(),
                     column("user_id", &Post::user_id)
                         .references(&User::id)
                         .on_delete(tempest::ForeignKeyAction::Cascade)
                         .index(),
                     column("title", &Post::title),
                     column("created_at", &Post::created_at).default_sql("CURRENT_TIMESTAMP"));
}
}  // namespace v1

namespace v2 {
struct Post {
  std::int64_t id;
  std::int64_t user_id;
  std::string title;
  std::chrono::sys_seconds created_at;
  bool published;  // new in this version
};

inline auto post_model() {
  using namespace tempest::model;
  return table<Post>("posts", column("id", &Post::id).primary_key().identity(),
                     column("user_id", &Post::user_id)
                         .references(&User::id)
                         .on_delete(tempest::ForeignKeyAction::Cascade)
                         .index(),
                     column("title", &Post::title),
                     column("created_at", &Post::created_at).default_sql("CURRENT_TIMESTAMP"),
                     column("published", &Post::published).default_value(false));
}
}  // namespace v2

}  // namespace blog
